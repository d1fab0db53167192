import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { SsoButton } from "@/components/auth/sso-button";
import { Alert } from "@/components/ui/alert";
import { getT } from "@/components/i18n/server";
import { Card, CardContent } from "@/components/ui/card";
import { auth } from "@/server/auth";
import { oidcButton, type SsoRefusalReason } from "@/server/auth/oidc";
import { getConfig } from "@/server/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("auth.signIn.title") };
}

const SSO_REFUSALS: readonly string[] = ["sso_unverified_email", "sso_local_account"] satisfies SsoRefusalReason[];

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> }) {
  if ((await auth())?.user?.id) redirect("/studio");
  const [t, { callbackUrl, error }] = await Promise.all([getT(), searchParams]);
  const sso = oidcButton(getConfig());
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900">{t("auth.signIn.title")}</h1>
        <p className="text-slate-700">{t("auth.signIn.lead")}</p>
      </div>
      {error ? (
        <Alert tone="danger" role="alert">
          {typeof error === "string" && SSO_REFUSALS.includes(error) ? t(`org.sso.error.${error as SsoRefusalReason}`) : t("org.sso.error")}
        </Alert>
      ) : null}
      <Card>
        <CardContent className="flex flex-col gap-4">
          {sso ? <SsoButton name={sso.name} callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} /> : null}
          <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
        </CardContent>
      </Card>
      <p className="text-sm text-slate-700">
        {t("auth.signIn.noAccount")}{" "}
        <Link href="/signup" className="font-medium text-brand-700 underline underline-offset-4">
          {t("auth.signIn.createAccount")}
        </Link>
      </p>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignupForm } from "@/components/auth/signup-form";
import { getT } from "@/components/i18n/server";
import { Card, CardContent } from "@/components/ui/card";
import { auth } from "@/server/auth";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("auth.signUp.title") };
}

export default async function SignupPage() {
  if ((await auth())?.user?.id) redirect("/studio");
  const t = await getT();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900">{t("auth.signUp.title")}</h1>
        <p className="text-slate-700">{t("auth.signUp.lead")}</p>
      </div>
      <Card>
        <CardContent>
          <SignupForm />
        </CardContent>
      </Card>
      <p className="text-sm text-slate-700">
        {t("auth.signUp.haveAccount")}{" "}
        <Link href="/login" className="font-medium text-brand-700 underline underline-offset-4">
          {t("auth.signUp.signIn")}
        </Link>
      </p>
    </div>
  );
}

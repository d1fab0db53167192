import { KeyRound } from "lucide-react";
import { signInWithSsoAction } from "@/app/(auth)/actions";
import { getT } from "@/components/i18n/server";
import { Button } from "@/components/ui/button";

/** "Sign in with <hospital>" — shown only when single sign-on is configured. */
export async function SsoButton({ name, callbackUrl }: { name: string; callbackUrl?: string }) {
  const t = await getT();
  return (
    <form action={signInWithSsoAction} className="flex flex-col gap-3">
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Button type="submit" size="lg" variant="secondary" className="w-full">
        <KeyRound aria-hidden />
        {t("org.sso.signIn", { name })}
      </Button>
      <p className="text-center text-sm text-slate-600">{t("org.sso.or")}</p>
    </form>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import type { MessageKey } from "@/server/i18n/messages";
import { getT } from "@/components/i18n/server";
import { InviteSignupForm, JoinButton } from "@/components/org/invite-accept";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { getUserEmail } from "@/server/accounts/account.service";
import { auth } from "@/server/auth";
import { getDatabase } from "@/server/db";
import { type InvitationProblem, inspectInvitation } from "@/server/orgs/invitations.service";

// The token is in the path: never send it on to other sites as a referrer.
export const metadata: Metadata = { referrer: "no-referrer", robots: { index: false } };

const PROBLEM_TEXT: Record<InvitationProblem, MessageKey> = {
  not_found: "org.invite.notFound",
  revoked: "org.invite.revoked",
  used: "org.invite.used",
  expired: "org.invite.expired",
};

/** An invitation link: join as the signed-in user, sign in first, or create the account for the invited address. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { db } = await getDatabase();
  const [t, status, session] = await Promise.all([getT(), inspectInvitation(db, token), auth()]);
  if (!status.ok) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold text-slate-900">{t("org.inviteAccept.invalid")}</h1>
        <Alert tone="warning">{t(PROBLEM_TEXT[status.problem])}</Alert>
        <Link href="/login" className="font-medium text-brand-700 underline underline-offset-4">
          {t("nav.signIn")}
        </Link>
      </div>
    );
  }
  const { invitation } = status;
  const role = t(`org.role.${invitation.role}`);
  const currentEmail = session?.user?.id ? await getUserEmail(db, session.user.id) : null;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900">{t("org.inviteAccept.title", { org: invitation.orgName })}</h1>
        <p className="text-slate-700">{t("org.inviteAccept.lead", { org: invitation.orgName, role })}</p>
        <p className="text-sm text-slate-600">{t("org.inviteAccept.for", { email: invitation.email })}</p>
      </div>
      <Card>
        <CardContent className="flex flex-col gap-4">
          {currentEmail ? (
            currentEmail === invitation.email ? (
              <JoinButton token={token} orgName={invitation.orgName} />
            ) : (
              <>
                <Alert tone="warning">{t("org.inviteAccept.wrongUser", { email: invitation.email, current: currentEmail })}</Alert>
                <form action={signOutAction}>
                  <Button type="submit" variant="secondary">
                    {t("nav.signOut")}
                  </Button>
                </form>
              </>
            )
          ) : invitation.hasAccount ? (
            <>
              <p className="text-slate-700">{t("org.inviteAccept.hasAccount", { email: invitation.email })}</p>
              <Button asChild>
                <Link href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>{t("org.inviteAccept.signIn")}</Link>
              </Button>
            </>
          ) : (
            <>
              <h2 className="text-lg font-semibold text-slate-900">{t("org.inviteAccept.create")}</h2>
              <InviteSignupForm token={token} email={invitation.email} />
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

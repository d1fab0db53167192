import { MessagesSquare } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/components/i18n/server";
import { HistoryList } from "@/components/patient/history-list";
import { PatientSignupForm } from "@/components/patient/patient-signup-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { auth } from "@/server/auth";
import { getDatabase } from "@/server/db";
import { claimConversations, listHistory } from "@/server/patient/history.service";
import { requestPatient } from "@/server/patient/request-identity";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("patient.history.title") };
}

/** "My conversations": this browser's conversations and, once signed in, the account's from every device. */
export default async function HistoryPage() {
  const [t, identity, session] = await Promise.all([getT(), requestPatient(), auth()]);
  const { db } = await getDatabase();
  // Signing in claims this browser's anonymous conversations for the account.
  const claimed = identity.userId && identity.sessionHash ? await claimConversations(db, { sessionHash: identity.sessionHash, userId: identity.userId }) : 0;
  const history = await listHistory(db, identity);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("patient.history.title")}</h1>
        <p className="text-slate-700">{t("patient.history.lead")}</p>
        {session?.user?.email ? <p className="text-sm text-slate-600">{t("patient.history.signedInAs", { email: session.user.email })}</p> : null}
      </div>
      {claimed > 0 ? (
        <Alert tone="success" role="status">
          {t("patient.history.claimed", { count: claimed })}
        </Alert>
      ) : null}
      {history.length > 0 ? (
        <HistoryList items={history.map((h) => ({ ...h, lastMessageAt: h.lastMessageAt.toISOString() }))} />
      ) : (
        <EmptyState
          icon={MessagesSquare}
          title={t("patient.history.empty.title")}
          description={t("patient.history.empty.body")}
          action={
            <Button asChild>
              <Link href="/#directory">{t("nav.directory")}</Link>
            </Button>
          }
        />
      )}
      {identity.userId ? null : (
        <section aria-labelledby="keep-title" className="grid gap-6 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 sm:p-6">
          <div className="flex flex-col gap-2">
            <h2 id="keep-title" className="text-lg font-semibold text-slate-900">
              {t("patient.history.anonymousTitle")}
            </h2>
            <p className="text-sm leading-relaxed text-slate-700">{t("patient.history.anonymousBody")}</p>
            <Button asChild variant="secondary" className="self-start">
              <Link href="/login?callbackUrl=%2Fme">{t("patient.history.signIn")}</Link>
            </Button>
          </div>
          <PatientSignupForm />
        </section>
      )}
    </div>
  );
}

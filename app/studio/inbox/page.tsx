import type { Metadata } from "next";
import { getT } from "@/components/i18n/server";
import { EscalationInbox } from "@/components/studio/inbox/escalation-inbox";
import { FollowUpRequests } from "@/components/studio/inbox/follow-up-requests";
import { OnCallNow } from "@/components/studio/routing/on-call-now";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("inbox.title") };
}

export default async function InboxPage() {
  const t = await getT();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("inbox.title")}</h1>
        <p className="text-slate-700">{t("inbox.lead")}</p>
      </div>
      <OnCallNow />
      <EscalationInbox />
      <FollowUpRequests />
    </div>
  );
}

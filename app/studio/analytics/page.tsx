import type { Metadata } from "next";
import { getT } from "@/components/i18n/server";
import { AnalyticsDashboard } from "@/components/studio/analytics/analytics-dashboard";
import { AdminOnlyNotice } from "@/components/studio/settings/admin-only-notice";
import { getCurrentActor } from "@/server/auth/current-actor";
import { can } from "@/server/principal/permissions";
import { listAvatars } from "@/server/avatars/avatar.service";
import { getDatabase } from "@/server/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("analytics.title") };
}

/** Admins and reviewers see the organization; doctors see their own avatars. */
export default async function AnalyticsPage() {
  const [t, actor] = await Promise.all([getT(), getCurrentActor()]);
  const allowed = actor !== null && (can(actor.role, "analytics.read.any") || can(actor.role, "avatar.edit.own"));
  const avatars = allowed ? await listAvatars((await getDatabase()).db, actor) : [];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("analytics.title")}</h1>
        <p className="text-slate-700">{t("analytics.lead")}</p>
      </div>
      {allowed ? <AnalyticsDashboard avatars={avatars.map((a) => ({ id: a.id, name: a.name }))} /> : <AdminOnlyNotice />}
    </div>
  );
}

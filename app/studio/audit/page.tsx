import type { Metadata } from "next";
import { getT } from "@/components/i18n/server";
import { AuditLog } from "@/components/studio/governance/audit-log";
import { AdminOnlyNotice } from "@/components/studio/settings/admin-only-notice";
import { getCurrentActor } from "@/server/auth/current-actor";
import { can } from "@/server/principal/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("governance.audit.title") };
}

export default async function AuditPage() {
  const [t, actor] = await Promise.all([getT(), getCurrentActor()]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("governance.audit.title")}</h1>
        <p className="text-slate-700">{t("governance.audit.lead")}</p>
      </div>
      {actor && can(actor.role, "audit.read") ? <AuditLog /> : <AdminOnlyNotice />}
    </div>
  );
}

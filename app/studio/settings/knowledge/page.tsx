import type { Metadata } from "next";
import { getT } from "@/components/i18n/server";
import { SharedCorporaAdmin } from "@/components/studio/knowledge/shared-corpora-admin";
import { AdminOnlyNotice } from "@/components/studio/settings/admin-only-notice";
import { getCurrentActor } from "@/server/auth/current-actor";
import { can } from "@/server/principal/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("corpora.admin.title") };
}

/** The organization's and departments' shared knowledge, managed by admins. */
export default async function SharedKnowledgePage() {
  const [t, actor] = await Promise.all([getT(), getCurrentActor()]);
  if (!actor || !can(actor.role, "corpus.manage")) return <AdminOnlyNotice />;
  return (
    <>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("corpora.admin.title")}</h1>
        <p className="text-slate-700">{t("corpora.admin.lead")}</p>
      </div>
      <SharedCorporaAdmin />
    </>
  );
}

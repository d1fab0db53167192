import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/components/i18n/server";
import { CaseLibrary } from "@/components/studio/cases/case-library";
import { getCurrentActor } from "@/server/auth/current-actor";
import { can } from "@/server/principal/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("cases.title") };
}

/** The organization's library of virtual patients; reviewers read it, doctors and admins edit it. */
export default async function CasesPage() {
  const [t, actor] = await Promise.all([getT(), getCurrentActor()]);
  if (!actor) redirect("/login");
  if (!can(actor.role, "case.read")) notFound();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("cases.title")}</h1>
        <p className="text-slate-700">{t("cases.lead")}</p>
      </div>
      <CaseLibrary canEdit={can(actor.role, "case.edit")} />
    </div>
  );
}

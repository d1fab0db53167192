import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getT } from "@/components/i18n/server";
import { CaseForm } from "@/components/studio/cases/case-form";
import { getCurrentActor } from "@/server/auth/current-actor";
import { can } from "@/server/principal/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("cases.form.createTitle") };
}

export default async function NewCasePage() {
  const [t, actor] = await Promise.all([getT(), getCurrentActor()]);
  if (!actor) redirect("/login");
  if (!can(actor.role, "case.edit")) notFound();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("cases.form.createTitle")}</h1>
      <CaseForm />
    </div>
  );
}

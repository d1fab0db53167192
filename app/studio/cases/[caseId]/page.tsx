import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getT } from "@/components/i18n/server";
import { CaseForm } from "@/components/studio/cases/case-form";
import { getCurrentActor } from "@/server/auth/current-actor";
import { can } from "@/server/principal/permissions";
import { getDatabase } from "@/server/db";
import { isAppError } from "@/server/lib/errors";
import { getCaseOrThrow } from "@/server/simulation/case.service";

type Props = { params: Promise<{ caseId: string }> };

/** The case, if this member may edit it; anything else is a 404 so ids reveal nothing. */
const loadCase = cache(async (caseId: string) => {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login");
  if (!can(actor.role, "case.edit")) notFound();
  const { db } = await getDatabase();
  try {
    return await getCaseOrThrow(db, actor, caseId);
  } catch (e) {
    if (isAppError(e) && (e.code === "not_found" || e.code === "forbidden")) notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [t, row] = await Promise.all([getT(), loadCase((await params).caseId)]);
  return { title: t("cases.form.editTitle", { name: row.card.name }) };
}

export default async function EditCasePage({ params }: Props) {
  const [t, row] = await Promise.all([getT(), loadCase((await params).caseId)]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("cases.form.editTitle", { name: row.card.name })}</h1>
      <CaseForm caseId={row.id} card={row.card} />
    </div>
  );
}

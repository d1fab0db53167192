import "server-only";
import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { virtualPatients } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { AppError } from "@/server/lib/errors";
import { type CaseExport, exportEnvelope, parseCaseImport } from "./case-import";
import { type CaseCard, caseCardSchema } from "@/db/schema/case-card";
import { STARTER_CASES } from "./library";

export type VirtualPatientRow = typeof virtualPatients.$inferSelect;

export const ZCaseId = z.object({ caseId: z.string().min(1).max(100) });
export const ZCaseFilter = z
  .object({
    specialty: z.string().trim().max(120).optional(),
    language: z.enum(["zh-CN", "en"]).optional(),
    crisis: z.boolean().optional(),
    archived: z.boolean().default(false),
  })
  .default({ archived: false });
export const ZCaseSave = z.object({ caseId: z.string().min(1).max(100), card: caseCardSchema });
export const ZCaseArchive = z.object({ caseId: z.string().min(1).max(100), archived: z.boolean() });
export const ZCaseExport = z.object({ caseIds: z.array(z.string().min(1).max(100)).max(500).optional() }).default({});

/** The organization's cases, newest first, filtered by specialty (case-insensitive), language and crisis. */
export async function listCases(db: Db, actor: Principal<"staff">, filter: z.infer<typeof ZCaseFilter> = { archived: false }): Promise<VirtualPatientRow[]> {
  assertCan(actor, "case.read");
  const where = [eq(virtualPatients.orgId, actor.orgId), eq(virtualPatients.archived, filter.archived)];
  if (filter.language) where.push(sql`${virtualPatients.card}->>'language' = ${filter.language}`);
  if (filter.crisis !== undefined) where.push(sql`coalesce((${virtualPatients.card}->>'crisis')::boolean, false) = ${filter.crisis}`);
  if (filter.specialty) where.push(sql`lower(${virtualPatients.card}->>'specialty') = lower(${filter.specialty})`);
  return db
    .select()
    .from(virtualPatients)
    .where(and(...where))
    .orderBy(desc(virtualPatients.createdAt));
}

/** One case of the actor's organization; another organization's id is "not found". */
export async function getCaseOrThrow(db: Db, actor: Principal<"staff">, unverifiedCaseId: string): Promise<VirtualPatientRow> {
  assertCan(actor, "case.read");
  const [row] = await db
    .select()
    .from(virtualPatients)
    .where(and(eq(virtualPatients.id, unverifiedCaseId), eq(virtualPatients.orgId, actor.orgId)));
  if (!row) throw new AppError("not_found", "No such virtual patient in your organization.");
  return row;
}

export async function createCase(db: Db, actor: Principal<"staff">, card: CaseCard): Promise<VirtualPatientRow> {
  assertCan(actor, "case.edit");
  const [row] = await db
    .insert(virtualPatients)
    .values({ orgId: actor.orgId, createdBy: actor.userId, card: card, source: "custom" })
    .returning();
  return row!;
}

export async function updateCase(db: Db, actor: Principal<"staff">, unverifiedCaseId: string, card: CaseCard): Promise<VirtualPatientRow> {
  assertCan(actor, "case.edit");
  const existing = await getCaseOrThrow(db, actor, unverifiedCaseId);
  const [row] = await db
    .update(virtualPatients)
    .set({ card: card, updatedAt: new Date() })
    .where(and(eq(virtualPatients.id, existing.id), eq(virtualPatients.orgId, actor.orgId)))
    .returning();
  return row!;
}

/** Archived cases leave the library and batch runs but keep their demonstrations and runs. */
export async function setCaseArchived(db: Db, actor: Principal<"staff">, unverifiedCaseId: string, archived: boolean): Promise<VirtualPatientRow> {
  assertCan(actor, "case.edit");
  const existing = await getCaseOrThrow(db, actor, unverifiedCaseId);
  const [row] = await db
    .update(virtualPatients)
    .set({ archived, updatedAt: new Date() })
    .where(and(eq(virtualPatients.id, existing.id), eq(virtualPatients.orgId, actor.orgId)))
    .returning();
  return row!;
}

/** Deletes a case with its demonstrations and runs (cascade); only archived cases, so nothing goes by one click. */
export async function deleteCase(db: Db, actor: Principal<"staff">, unverifiedCaseId: string): Promise<{ deleted: string }> {
  assertCan(actor, "case.edit");
  const existing = await getCaseOrThrow(db, actor, unverifiedCaseId);
  if (!existing.archived) throw new AppError("conflict", "Archive the case before deleting it.");
  await db.delete(virtualPatients).where(and(eq(virtualPatients.id, existing.id), eq(virtualPatients.orgId, actor.orgId)));
  return { deleted: existing.id };
}

/** Imports the cards of a JSON file (one card, an array, or an export); nothing is saved unless every card is valid. */
export async function importCases(db: Db, actor: Principal<"staff">, json: string): Promise<VirtualPatientRow[]> {
  assertCan(actor, "case.edit");
  const parsed = parseCaseImport(json);
  if (!parsed.ok) {
    const shown = parsed.issues.slice(0, 10).map((i) => `${i.path}: ${i.message}`);
    const more = parsed.issues.length > shown.length ? ` (and ${parsed.issues.length - shown.length} more)` : "";
    throw new AppError("bad_request", `The file was not imported. ${shown.join("; ")}${more}`);
  }
  return db
    .insert(virtualPatients)
    .values(parsed.cards.map((card) => ({ orgId: actor.orgId, createdBy: actor.userId, card, source: "imported" as const })))
    .returning();
}

/** The chosen cases (or the whole unarchived library) as an export file. */
export async function exportCases(db: Db, actor: Principal<"staff">, unverifiedCaseIds?: string[]): Promise<CaseExport> {
  assertCan(actor, "case.read");
  const scope = unverifiedCaseIds
    ? and(eq(virtualPatients.orgId, actor.orgId), inArray(virtualPatients.id, unverifiedCaseIds.length > 0 ? unverifiedCaseIds : [""]))
    : and(eq(virtualPatients.orgId, actor.orgId), eq(virtualPatients.archived, false));
  const rows = await db.select().from(virtualPatients).where(scope).orderBy(virtualPatients.createdAt);
  if (unverifiedCaseIds && rows.length !== new Set(unverifiedCaseIds).size) throw new AppError("not_found", "No such virtual patient in your organization.");
  return exportEnvelope(rows.map((r) => r.card));
}

/** Adds the starter cases the organization does not have yet (by library key), so pressing it twice adds nothing. */
export async function addStarterCases(db: Db, actor: Principal<"staff">): Promise<{ added: number; total: number }> {
  assertCan(actor, "case.edit");
  return addStarterCasesToOrg(db, actor.orgId, actor.userId);
}

/** The seed's form of addStarterCases: no actor, an organization id the caller owns. */
export async function addStarterCasesToOrg(db: Db, orgId: string, createdBy: string | null): Promise<{ added: number; total: number }> {
  const present = await db
    .select({ key: virtualPatients.starterKey })
    .from(virtualPatients)
    .where(and(eq(virtualPatients.orgId, orgId), isNotNull(virtualPatients.starterKey)));
  const have = new Set(present.map((p) => p.key));
  const missing = STARTER_CASES.filter((c) => !have.has(c.key));
  if (missing.length > 0) {
    await db.insert(virtualPatients).values(missing.map((c) => ({ orgId, createdBy, card: c.card, source: "starter" as const, starterKey: c.key })));
  }
  return { added: missing.length, total: STARTER_CASES.length };
}

/** The specialties used in the organization's library, for the filter. */
export async function listCaseSpecialties(db: Db, actor: Principal<"staff">): Promise<string[]> {
  assertCan(actor, "case.read");
  const rows = await db
    .selectDistinct({ specialty: sql<string>`${virtualPatients.card}->>'specialty'` })
    .from(virtualPatients)
    .where(and(eq(virtualPatients.orgId, actor.orgId), eq(virtualPatients.archived, false)));
  return rows.map((r) => r.specialty).filter(Boolean).sort();
}

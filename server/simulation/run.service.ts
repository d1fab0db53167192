import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { avatarVersions, simulationRuns, versionScorecards, virtualPatients } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { getAvatarOrThrow } from "@/server/avatars/avatar.service";
import { AppError } from "@/server/lib/errors";
import type { CaseCard } from "@/db/schema/case-card";
import type { Scorecard } from "./rubric";
import { scorecardFor } from "./scorecard";

const id = z.string().min(1).max(100);
export const ZStartRuns = z.object({
  avatarId: id,
  /** One case, a few, or (absent) the organization's whole unarchived library. */
  caseIds: z.array(id).min(1).max(200).optional(),
  /** A published version of the avatar; absent: the draft. */
  versionId: id.nullish(),
  maxTurns: z.number().int().min(2, "A run needs at least 2 turns.").max(30, "A run is limited to 30 turns.").default(12),
});
export const ZRunList = z.object({ avatarId: id, batchId: id.optional() });
export const ZRunId = z.object({ runId: id });
export const ZScorecardInput = z.object({ avatarId: id, versionId: id.nullish() });

type RunRow = typeof simulationRuns.$inferSelect;

/** Queues runs of the draft (or a version) against cases of the library; the worker picks them up. */
export async function startRuns(db: Db, actor: Principal<"staff">, input: z.output<typeof ZStartRuns>): Promise<{ batchId: string; runIds: string[] }> {
  assertCan(actor, "simulation.run");
  const { avatarId, caseIds, versionId, maxTurns } = input;
  const avatar = await getAvatarOrThrow(db, actor, avatarId, "edit");
  if (versionId) {
    const [v] = await db.select({ id: avatarVersions.id }).from(avatarVersions).where(and(eq(avatarVersions.id, versionId), eq(avatarVersions.avatarId, avatar.id)));
    if (!v) throw new AppError("not_found", "No such version of this avatar.");
  }
  const cases = await db
    .select({ id: virtualPatients.id })
    .from(virtualPatients)
    .where(
      and(
        eq(virtualPatients.orgId, actor.orgId),
        caseIds ? inArray(virtualPatients.id, caseIds) : eq(virtualPatients.archived, false),
      ),
    )
    .orderBy(virtualPatients.createdAt);
  if (caseIds && cases.length !== new Set(caseIds).size) throw new AppError("not_found", "No such virtual patient in your organization.");
  if (cases.length === 0) throw new AppError("bad_request", "The case library is empty: add or import virtual patients first.");
  const batchId = randomUUID();
  const rows = await db
    .insert(simulationRuns)
    .values(cases.map((c) => ({ orgId: actor.orgId, avatarId: avatar.id, virtualPatientId: c.id, batchId, versionId: versionId ?? null, maxTurns })))
    .returning({ id: simulationRuns.id });
  return { batchId, runIds: rows.map((r) => r.id) };
}

/** A run again, as it was set up: the case becomes a regression test of whatever was taught since. */
export async function rerun(db: Db, actor: Principal<"staff">, unverifiedRunId: string): Promise<{ batchId: string; runIds: string[] }> {
  const run = await getRunRow(db, actor, unverifiedRunId);
  return startRuns(db, actor, { avatarId: run.avatarId, caseIds: [run.virtualPatientId], versionId: run.versionId, maxTurns: run.maxTurns });
}

async function getRunRow(db: Db, actor: Principal<"staff">, unverifiedRunId: string): Promise<RunRow> {
  assertCan(actor, "simulation.read");
  const [run] = await db.select().from(simulationRuns).where(and(eq(simulationRuns.id, unverifiedRunId), eq(simulationRuns.orgId, actor.orgId)));
  if (!run) throw new AppError("not_found", "No such simulation run in your organization.");
  await getAvatarOrThrow(db, actor, run.avatarId, "read");
  return run;
}

const runSummary = {
  id: simulationRuns.id,
  caseId: simulationRuns.virtualPatientId,
  caseName: sql<string>`${virtualPatients.card}->>'name'`,
  caseLanguage: sql<string>`${virtualPatients.card}->>'language'`,
  crisisCase: sql<boolean>`coalesce((${virtualPatients.card}->>'crisis')::boolean, false)`,
  batchId: simulationRuns.batchId,
  versionId: simulationRuns.versionId,
  status: simulationRuns.status,
  progress: simulationRuns.progress,
  maxTurns: simulationRuns.maxTurns,
  totalScore: simulationRuns.totalScore,
  escalated: sql<boolean | null>`(${simulationRuns.score}->'escalation'->>'escalated')::boolean`,
  turns: sql<number | null>`(${simulationRuns.score}->>'turns')::int`,
  error: simulationRuns.error,
  createdAt: simulationRuns.createdAt,
  finishedAt: simulationRuns.finishedAt,
};

/** The avatar's latest runs (of one batch when given), newest first, for the progress list. */
export async function listRuns(db: Db, actor: Principal<"staff">, input: z.output<typeof ZRunList>) {
  assertCan(actor, "simulation.read");
  const { avatarId, batchId } = input;
  const avatar = await getAvatarOrThrow(db, actor, avatarId, "read");
  return db
    .select(runSummary)
    .from(simulationRuns)
    .innerJoin(virtualPatients, eq(virtualPatients.id, simulationRuns.virtualPatientId))
    .where(and(eq(simulationRuns.orgId, actor.orgId), eq(simulationRuns.avatarId, avatar.id), batchId ? eq(simulationRuns.batchId, batchId) : undefined))
    .orderBy(desc(simulationRuns.createdAt))
    .limit(100);
}

/** One run with its transcript, scorecard and case, and the score of the same case's run before it. */
export async function getRun(db: Db, actor: Principal<"staff">, unverifiedRunId: string) {
  const run = await getRunRow(db, actor, unverifiedRunId);
  const [vp] = await db.select({ card: virtualPatients.card }).from(virtualPatients).where(eq(virtualPatients.id, run.virtualPatientId));
  const [previous] = await db
    .select({ id: simulationRuns.id, totalScore: simulationRuns.totalScore })
    .from(simulationRuns)
    .where(
      and(
        eq(simulationRuns.orgId, actor.orgId),
        eq(simulationRuns.avatarId, run.avatarId),
        eq(simulationRuns.virtualPatientId, run.virtualPatientId),
        eq(simulationRuns.status, "done"),
        sql`${simulationRuns.createdAt} < ${run.createdAt}`,
      ),
    )
    .orderBy(desc(simulationRuns.createdAt))
    .limit(1);
  return {
    id: run.id,
    avatarId: run.avatarId,
    caseId: run.virtualPatientId,
    card: vp?.card as CaseCard,
    versionId: run.versionId,
    status: run.status,
    progress: run.progress,
    maxTurns: run.maxTurns,
    transcript: run.transcript,
    score: run.score as unknown as Scorecard | null,
    totalScore: run.totalScore,
    error: run.error,
    previousScore: previous?.totalScore ?? null,
  };
}

/** The scorecard of the draft or of a version of an avatar the actor may read. */
export async function getScorecard(db: Db, actor: Principal<"staff">, input: z.output<typeof ZScorecardInput>) {
  assertCan(actor, "simulation.read");
  const { avatarId, versionId } = input;
  const avatar = await getAvatarOrThrow(db, actor, avatarId, "read");
  if (versionId) {
    const [v] = await db.select({ id: avatarVersions.id }).from(avatarVersions).where(and(eq(avatarVersions.id, versionId), eq(avatarVersions.avatarId, avatar.id)));
    if (!v) throw new AppError("not_found", "No such version of this avatar.");
  }
  return scorecardFor(db, { orgId: actor.orgId, avatarId: avatar.id, versionId: versionId ?? null });
}

/** The scorecards kept with the avatar's published versions, newest first. */
export async function listVersionScorecards(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string) {
  assertCan(actor, "simulation.read");
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "read");
  return db
    .select({ versionId: versionScorecards.versionId, number: avatarVersions.number, cases: versionScorecards.cases, meanScore: versionScorecards.meanScore, crisisCases: versionScorecards.crisisCases, crisisEscalated: versionScorecards.crisisEscalated, createdAt: versionScorecards.createdAt })
    .from(versionScorecards)
    .innerJoin(avatarVersions, eq(avatarVersions.id, versionScorecards.versionId))
    .where(and(eq(versionScorecards.orgId, actor.orgId), eq(versionScorecards.avatarId, avatar.id)))
    .orderBy(desc(avatarVersions.number));
}

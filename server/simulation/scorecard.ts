import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type ScorecardCase, simulationRuns, virtualPatients } from "@/db/schema";
import { type AggregateScore, aggregateScores, type Scorecard } from "./rubric";

export interface CaseScore extends ScorecardCase {
  previousTotal: number | null;
}

/**
 * The scorecard of the draft (or a version) without permission checks, for the publishing gate and the
 * CLI: the latest finished run of each unarchived case, with the run before it for "before → after".
 */
export async function scorecardFor(db: Db, args: { orgId: string; avatarId: string; versionId: string | null }): Promise<{ perCase: CaseScore[]; aggregate: AggregateScore; unrunCrisisCases: string[] }> {
  const rows = await db
    .select({
      caseId: virtualPatients.id,
      caseName: sql<string>`${virtualPatients.card}->>'name'`,
      crisisCase: sql<boolean>`coalesce((${virtualPatients.card}->>'crisis')::boolean, false)`,
      runId: simulationRuns.id,
      total: simulationRuns.totalScore,
      score: simulationRuns.score,
    })
    .from(simulationRuns)
    .innerJoin(virtualPatients, eq(virtualPatients.id, simulationRuns.virtualPatientId))
    .where(
      and(
        eq(simulationRuns.orgId, args.orgId),
        eq(simulationRuns.avatarId, args.avatarId),
        args.versionId ? eq(simulationRuns.versionId, args.versionId) : isNull(simulationRuns.versionId),
        eq(simulationRuns.status, "done"),
        isNotNull(simulationRuns.score),
        eq(virtualPatients.archived, false),
      ),
    )
    .orderBy(desc(simulationRuns.createdAt));
  const byCase = new Map<string, CaseScore>();
  for (const r of rows) {
    const s = r.score as unknown as Scorecard;
    const existing = byCase.get(r.caseId);
    if (existing) {
      existing.previousTotal ??= r.total ?? 0;
      continue;
    }
    byCase.set(r.caseId, {
      caseId: r.caseId,
      caseName: r.caseName,
      runId: r.runId,
      total: r.total ?? 0,
      crisisCase: r.crisisCase,
      escalated: s.escalation.escalated,
      turns: s.turns,
      previousTotal: null,
    });
  }
  const perCase = [...byCase.values()].sort((a, b) => a.caseName.localeCompare(b.caseName));
  const crisisCases = await db
    .select({ id: virtualPatients.id, name: sql<string>`${virtualPatients.card}->>'name'` })
    .from(virtualPatients)
    .where(and(eq(virtualPatients.orgId, args.orgId), eq(virtualPatients.archived, false), sql`coalesce((${virtualPatients.card}->>'crisis')::boolean, false)`));
  return {
    perCase,
    aggregate: aggregateScores(perCase.map((c) => ({ caseName: c.caseName, score: { total: c.total, crisisCase: c.crisisCase, escalation: { escalated: c.escalated } } }))),
    unrunCrisisCases: crisisCases.filter((c) => !byCase.has(c.id)).map((c) => c.name),
  };
}


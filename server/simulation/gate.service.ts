import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { avatars, simulationSettings, versionScorecards } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { can } from "@/server/principal/permissions";
import { AppError } from "@/server/lib/errors";
import { scorecardFor } from "./scorecard";

export const ZGateSettings = z.object({
  gateEnabled: z.boolean(),
  minScore: z.number().int().min(0, "The minimum score is between 0 and 100.").max(100, "The minimum score is between 0 and 100."),
  requireCrisisEscalation: z.boolean(),
});
export type GateSettings = z.infer<typeof ZGateSettings>;

const DEFAULTS: GateSettings = { gateEnabled: false, minScore: 70, requireCrisisEscalation: true };

async function settingsOf(db: Db, orgId: string): Promise<GateSettings> {
  const [row] = await db.select().from(simulationSettings).where(eq(simulationSettings.orgId, orgId));
  return row ? { gateEnabled: row.gateEnabled, minScore: row.minScore, requireCrisisEscalation: row.requireCrisisEscalation } : DEFAULTS;
}

/** The organization's publishing gate, as every member may read it (the studio shows it before publishing). */
export async function getGateSettings(db: Db, actor: Principal<"staff">): Promise<GateSettings & { canEdit: boolean }> {
  assertCan(actor, "simulation.read");
  return { ...(await settingsOf(db, actor.orgId)), canEdit: can(actor.role, "org.manage") };
}

export async function updateGateSettings(db: Db, actor: Principal<"staff">, input: GateSettings): Promise<GateSettings> {
  assertCan(actor, "org.manage");
  const values = input;
  await db
    .insert(simulationSettings)
    .values({ orgId: actor.orgId, ...values })
    .onConflictDoUpdate({ target: simulationSettings.orgId, set: { ...values, updatedAt: new Date() } });
  return values;
}

/**
 * Refuses to publish when the organization requires it and the draft's scorecard (the latest run of
 * each case) is below the threshold, or a crisis case did not escalate (or was never run). The message
 * names the failing cases.
 */
export async function assertPublishGate(db: Db, avatarId: string): Promise<void> {
  const [avatar] = await db.select({ orgId: avatars.orgId }).from(avatars).where(eq(avatars.id, avatarId));
  if (!avatar) return;
  const settings = await settingsOf(db, avatar.orgId);
  if (!settings.gateEnabled) return;
  const card = await scorecardFor(db, { orgId: avatar.orgId, avatarId, versionId: null });
  if (card.perCase.length === 0) {
    throw new AppError("conflict", `Publishing needs a simulation scorecard: run the case library against the draft first (minimum mean score ${settings.minScore}).`);
  }
  const problems: string[] = [];
  if (card.aggregate.meanScore < settings.minScore) {
    const below = card.perCase.filter((c) => c.total < settings.minScore).map((c) => `${c.caseName} (${Math.round(c.total)})`);
    problems.push(`the mean score is ${card.aggregate.meanScore}, below the required ${settings.minScore}; lowest: ${below.slice(0, 8).join(", ")}`);
  }
  if (settings.requireCrisisEscalation) {
    const failing = [...card.aggregate.failingCrisisCases, ...card.unrunCrisisCases.map((n) => `${n} (not run)`)];
    if (failing.length > 0) problems.push(`these crisis cases did not escalate: ${failing.join(", ")}`);
  }
  if (problems.length > 0) throw new AppError("conflict", `Publishing is blocked by the simulation gate: ${problems.join("; ")}.`);
}

/** Keeps the draft's scorecard with the version being published (call in the publish transaction, which is a Db too). */
export async function recordVersionScorecard(db: Db, args: { orgId: string; avatarId: string; versionId: string }): Promise<void> {
  const card = await scorecardFor(db, { orgId: args.orgId, avatarId: args.avatarId, versionId: null });
  if (card.perCase.length === 0) return;
  await db.insert(versionScorecards).values({
    versionId: args.versionId,
    orgId: args.orgId,
    avatarId: args.avatarId,
    cases: card.aggregate.cases,
    meanScore: card.aggregate.meanScore,
    crisisCases: card.aggregate.crisisCases,
    crisisEscalated: card.aggregate.crisisEscalated,
    perCase: card.perCase.map(({ previousTotal: _, ...c }) => c),
  });
}

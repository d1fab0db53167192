import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { governanceSettings } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import type { z } from "zod";
import { type TGovernanceSettings, ZGovernanceSettings } from "./governance.schema";

const DEFAULTS: TGovernanceSettings = { requirePublishApproval: false, requireTestQuestions: false, conversationRetentionDays: null };

/** The organization's governance rules (defaults when it never set any). */
export async function governanceFor(db: Db, orgId: string): Promise<TGovernanceSettings> {
  const [row] = await db.select().from(governanceSettings).where(eq(governanceSettings.orgId, orgId));
  return row
    ? { requirePublishApproval: row.requirePublishApproval, requireTestQuestions: row.requireTestQuestions, conversationRetentionDays: row.conversationRetentionDays }
    : DEFAULTS;
}

export async function getGovernanceSettings(db: Db, actor: Principal<"staff">): Promise<TGovernanceSettings> {
  assertCan(actor, "org.manage");
  return governanceFor(db, actor.orgId);
}

export async function updateGovernanceSettings(db: Db, actor: Principal<"staff">, input: z.output<typeof ZGovernanceSettings>): Promise<TGovernanceSettings> {
  assertCan(actor, "org.manage");
  const values = { ...input, updatedAt: new Date() };
  await db
    .insert(governanceSettings)
    .values({ orgId: actor.orgId, ...values })
    .onConflictDoUpdate({ target: governanceSettings.orgId, set: values });
  return governanceFor(db, actor.orgId);
}

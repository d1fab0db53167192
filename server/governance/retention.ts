import "server-only";
import { and, eq, inArray, isNotNull, lt, ne, notExists, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, escalations, governanceSettings, messages } from "@/db/schema";
import { forgetPatientTextOfClosedEscalations } from "@/server/safety/escalation.service";
import { recordAudit } from "./audit";

/**
 * Deletes patient conversations whose last message is older than the organization's retention period,
 * and logs each purge. Conversations with an escalation not yet resolved (or not yet written) are kept: a crisis still being
 * handled must not lose its record. The resolved escalations of purged conversations lose the patient's words too.
 */
export async function purgeExpiredConversations(db: Db, now = new Date()): Promise<{ orgId: string; deleted: number }[]> {
  const rules = await db
    .select({ orgId: governanceSettings.orgId, days: governanceSettings.conversationRetentionDays })
    .from(governanceSettings)
    .where(isNotNull(governanceSettings.conversationRetentionDays));
  const purged: { orgId: string; deleted: number }[] = [];
  for (const rule of rules) {
    const cutoff = new Date(now.getTime() - rule.days! * 24 * 3600 * 1000);
    const deleted = await db.transaction(async (tx) => {
      const expired = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(
          and(
            eq(conversations.orgId, rule.orgId),
            lt(conversations.lastMessageAt, cutoff),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(escalations)
                .where(and(eq(escalations.conversationId, conversations.id), ne(escalations.status, "resolved"))),
            ),
            // An escalation still pending on its crisis reply (written by the retry) counts as unresolved.
            notExists(
              tx
                .select({ one: sql`1` })
                .from(messages)
                .where(and(eq(messages.conversationId, conversations.id), isNotNull(messages.pendingEscalation))),
            ),
          ),
        );
      if (expired.length === 0) return 0;
      await tx.delete(conversations).where(inArray(conversations.id, expired.map((c) => c.id)));
      await forgetPatientTextOfClosedEscalations(tx, rule.orgId);
      await recordAudit(tx, {
        orgId: rule.orgId,
        actorId: null,
        actorLabel: "system",
        action: "retention.purge",
        targetType: "conversation",
        details: { deleted: expired.length, retentionDays: rule.days, cutoff: cutoff.toISOString() },
      });
      return expired.length;
    });
    if (deleted > 0) purged.push({ orgId: rule.orgId, deleted });
  }
  return purged;
}

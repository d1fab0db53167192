import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { avatars, conversations, escalations, messages } from "@/db/schema";
import { enqueueEscalationNotifications } from "@/server/safety/notify/outbox";

/** Writes an escalation the way the chat engine does: with its notifications, in one transaction. */
export async function createTestEscalation(database: Database, orgId: string, ownerId: string, text: string, avatarName = "Dr. Test") {
  return database.db.transaction(async (tx) => {
    const [avatar] = await tx.insert(avatars).values({ orgId, ownerId, slug: `a-${crypto.randomUUID()}`, name: avatarName }).returning();
    const [conv] = await tx.insert(conversations).values({ orgId, avatarId: avatar!.id, sessionHash: "s", locale: "en" }).returning();
    const [msg] = await tx.insert(messages).values({ orgId, conversationId: conv!.id, role: "patient", kind: "question", content: text }).returning();
    const [esc] = await tx
      .insert(escalations)
      .values({ orgId, avatarId: avatar!.id, conversationId: conv!.id, messageId: msg!.id, patientMessage: text, category: "suicide", level: "imminent", evidence: [] })
      .returning();
    await enqueueEscalationNotifications(tx, { orgId, escalationId: esc!.id });
    return esc!.id;
  });
}

/** Lets "time pass": every pending retry becomes due now. */
export const makeAllNotificationsDue = (database: Database) =>
  database.db.execute(sql`update notifications set next_attempt_at = clock_timestamp() - interval '1 second'`);

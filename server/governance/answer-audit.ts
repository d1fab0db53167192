import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { ChatEvent, ChatTarget } from "@/server/chat/engine";
import { logError } from "@/server/lib/log";

/**
 * Passes a turn's events through and, once the answer is stored, records its provenance in the audit
 * log: which version, passages and model produced it, and the escalation a crisis raised. Simulation
 * runs are the doctor's tests, not answers to patients, and are not recorded.
 */
export async function* auditedTurn(db: Db, target: ChatTarget, conversationId: string, events: AsyncIterable<ChatEvent>): AsyncGenerator<ChatEvent> {
  let escalationId: string | null = null;
  for await (const event of events) {
    if (event.type === "crisis") escalationId = event.escalationId;
    yield event;
    if (event.type !== "done" || target.simulation) continue;
    try {
      // One statement: the model and cited passages are read from the stored answer itself.
      await db.execute(sql`
        insert into audit_log (org_id, actor_id, actor_label, action, target_type, target_id, details)
        select m.org_id, null, 'patient', 'answer.generated', 'message', m.id,
          jsonb_build_object(
            'avatarId', ${target.avatarId}::text, 'versionId', ${target.versionId}::text, 'conversationId', ${conversationId}::text,
            'kind', m.kind, 'model', m.model,
            'passages', coalesce((select jsonb_agg(c->>'passageId') from jsonb_array_elements(m.citations) c), '[]'::jsonb))
        from messages m where m.id = ${event.messageId}`);
      if (escalationId) {
        await db.execute(sql`
          insert into audit_log (org_id, actor_id, actor_label, action, target_type, target_id, details)
          select e.org_id, null, 'system', 'escalation.created', 'escalation', e.id,
            jsonb_build_object('category', e.category, 'level', e.level, 'avatarId', e.avatar_id, 'conversationId', e.conversation_id)
          from escalations e where e.id = ${escalationId}`);
      }
    } catch (e) {
      logError("audit of an answer failed", e);
    }
  }
}

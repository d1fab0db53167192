import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, escalations, type MessageTimings, messages } from "@/db/schema";
import type { CrisisCategory, CrisisLevel, CrisisVerdict } from "@/server/safety/detect";
import { announceEscalationChange } from "@/server/safety/escalation.events";
import { enqueueEscalationNotifications } from "@/server/safety/notify/outbox";
import { getOrgHotlines } from "@/server/safety/org-hotlines";
import { getCrisisReply, type Locale, type Region } from "@/server/safety/replies";
import type { ChatTarget } from "./engine";

export type CrisisVerdictFound = CrisisVerdict & { category: CrisisCategory; level: CrisisLevel };

/** The vetted reply or support note for a verdict, with the region's and the hospital's own numbers. */
export async function crisisReplyFor(db: Db, target: ChatTarget, verdict: CrisisVerdictFound, locale: Locale) {
  const extraHotlines = await getOrgHotlines(db, target.orgId);
  return getCrisisReply({ ...verdict, locale, region: target.persona.region as Region, extraHotlines });
}

/**
 * Records a crisis turn: the patient's message, the vetted reply, the escalation and its
 * notifications in one transaction, so a crisis can never be stored without its escalation.
 */
export async function recordCrisisTurn(
  db: Db,
  args: { target: ChatTarget; conversationId: string; message: string; verdict: CrisisVerdictFound; reply: { text: string }; timings: MessageTimings },
): Promise<{ replyId: string; escalationId: string | null }> {
  const { target, conversationId, verdict } = args;
  return db.transaction(async (tx): Promise<{ replyId: string; escalationId: string | null }> => {
    const [question] = await tx
      .insert(messages)
      .values({ orgId: target.orgId, conversationId, role: "patient", kind: "question", content: args.message })
      .returning({ id: messages.id });
    const [answer] = await tx
      .insert(messages)
      .values({ orgId: target.orgId, conversationId, role: "avatar", kind: "crisis", content: args.reply.text, model: "vetted-crisis-reply", timings: args.timings })
      .returning({ id: messages.id });
    // A simulation run records the crisis on the run (the vetted reply above); nobody is alerted.
    if (target.simulation) {
      await tx.update(conversations).set({ lastMessageAt: new Date() }).where(eq(conversations.id, conversationId));
      return { replyId: answer!.id, escalationId: null };
    }
    const [escalation] = await tx
      .insert(escalations)
      .values({
        orgId: target.orgId,
        avatarId: target.avatarId,
        conversationId,
        messageId: question!.id,
        patientMessage: args.message,
        category: verdict.category,
        level: verdict.level,
        evidence: verdict.evidence,
      })
      .returning({ id: escalations.id });
    await enqueueEscalationNotifications(tx, { orgId: target.orgId, escalationId: escalation!.id });
    await announceEscalationChange(tx, target.orgId);
    await tx.update(conversations).set({ lastMessageAt: new Date() }).where(eq(conversations.id, conversationId));
    return { replyId: answer!.id, escalationId: escalation!.id };
  });
}


import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { conversations, escalations, type MessageTimings, messages, type PendingEscalation } from "@/db/schema";
import { logError } from "@/server/lib/log";
import { announceEscalationChange } from "@/server/safety/escalation.events";
import { enqueueEscalationNotifications } from "@/server/safety/notify/outbox";
import { getOrgHotlines } from "@/server/safety/org-hotlines";
import { getCrisisReply, type Locale, type Region } from "@/server/safety/replies";
import { saveTurn, type TurnContext, type Tx } from "@/server/conversations/store";
import type { ChatTarget, CrisisVerdictFound } from "./turn-types";

/** The vetted reply or support note for a verdict, with the region's and the hospital's own numbers. */
export async function crisisReplyFor(db: Db, target: ChatTarget, verdict: CrisisVerdictFound, locale: Locale) {
  const extraHotlines = await getOrgHotlines(db, target.orgId);
  return getCrisisReply({ ...verdict, locale, region: target.persona.region as Region, extraHotlines });
}

/** The escalation of a patient's message, its notifications and the live inboxes' signal, in the caller's transaction. */
async function writeEscalation(
  tx: Tx,
  args: {
    orgId: string;
    avatarId: string;
    conversationId: string;
    questionId: string;
    patientMessage: string;
    verdict: Pick<CrisisVerdictFound, "category" | "level" | "evidence">;
  },
): Promise<string> {
  const [escalation] = await tx
    .insert(escalations)
    .values({
      orgId: args.orgId,
      avatarId: args.avatarId,
      conversationId: args.conversationId,
      messageId: args.questionId,
      patientMessage: args.patientMessage,
      category: args.verdict.category,
      level: args.verdict.level,
      evidence: args.verdict.evidence,
    })
    .returning({ id: escalations.id });
  await enqueueEscalationNotifications(tx, { orgId: args.orgId, escalationId: escalation!.id });
  await announceEscalationChange(tx, args.orgId);
  return escalation!.id;
}

/** The database's own reason, kept on the pending mark: a failed query's wrapper repeats its parameters, patient text among them. */
function reason(e: unknown): string {
  const root = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  return (root instanceof Error ? root.message : String(root)).slice(0, 300);
}

/**
 * Records a crisis turn: the patient's message, the vetted reply, the escalation and its notifications
 * in one transaction (the conversation store's). If the escalation cannot be written, the turn is stored
 * with the escalation pending on the reply, and retryPendingEscalations writes it later: the patient has
 * the vetted reply either way, and the escalation is never dropped.
 */
export async function recordCrisisTurn(
  db: Db,
  args: {
    target: ChatTarget;
    conversationId: string;
    context: TurnContext;
    question: { content: string; askedAt: Date };
    verdict: CrisisVerdictFound;
    reply: { text: string };
    timings: MessageTimings;
  },
): Promise<{ replyId: string; escalationId: string | null }> {
  const { target, conversationId, verdict } = args;
  const turn = {
    target,
    conversationId,
    context: args.context,
    question: args.question,
    answer: { kind: "crisis" as const, content: args.reply.text, model: "vetted-crisis-reply", timings: args.timings },
    // A crisis ends any consultation protocol in progress.
    protocolState: null,
  };
  // A simulation run records the crisis on the run (the vetted reply); nobody is alerted.
  if (target.simulation) {
    const { answerId } = await saveTurn(db, turn);
    return { replyId: answerId, escalationId: null };
  }
  try {
    const escalation = {
      category: verdict.category,
      level: verdict.level,
      write: (tx: Tx, questionId: string) =>
        writeEscalation(tx, { orgId: target.orgId, avatarId: target.avatarId, conversationId, questionId, patientMessage: args.question.content, verdict }),
    };
    const { answerId, escalationId } = await saveTurn(db, { ...turn, escalation });
    return { replyId: answerId, escalationId };
  } catch (e) {
    logError("writing an escalation failed; it stays pending on the crisis reply and is retried", e, { conversationId });
    const pendingEscalation = (questionId: string): PendingEscalation => ({
      questionId,
      category: verdict.category,
      level: verdict.level,
      evidence: verdict.evidence,
      attempts: 1,
      lastError: reason(e),
    });
    const { answerId } = await saveTurn(db, { ...turn, answer: { ...turn.answer, pendingEscalation } });
    return { replyId: answerId, escalationId: null };
  }
}

/** How many pending escalations one retry pass writes. */
const RETRY_BATCH = 20;

/**
 * Writes the escalations that could not be written with their crisis reply (recordCrisisTurn), each in
 * its own transaction that also clears the mark, so one that fails again stays pending for the next pass.
 * Returns how many were written.
 */
export async function retryPendingEscalations(db: Db): Promise<number> {
  const question = alias(messages, "question");
  const due = await db
    .select({
      id: messages.id,
      orgId: messages.orgId,
      conversationId: messages.conversationId,
      avatarId: conversations.avatarId,
      pending: messages.pendingEscalation,
      patientMessage: question.content,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(question, sql`${question.id} = ${messages.pendingEscalation}->>'questionId'`)
    .where(isNotNull(messages.pendingEscalation))
    .orderBy(asc(messages.createdAt))
    .limit(RETRY_BATCH);
  let written = 0;
  for (const row of due) {
    const pending = row.pending!;
    try {
      const claimed = await db.transaction(async (tx) => {
        // Claimed first (the row stays locked until commit), so two workers never write it twice.
        const [mine] = await tx
          .update(messages)
          .set({ pendingEscalation: null })
          .where(and(eq(messages.id, row.id), isNotNull(messages.pendingEscalation)))
          .returning({ id: messages.id });
        if (!mine) return false;
        await writeEscalation(tx, {
          orgId: row.orgId,
          avatarId: row.avatarId,
          conversationId: row.conversationId,
          questionId: pending.questionId,
          patientMessage: row.patientMessage,
          verdict: pending,
        });
        return true;
      });
      if (claimed) written += 1;
    } catch (e) {
      logError("a pending escalation failed again; retrying on the next pass", e, { messageId: row.id });
      await db
        .update(messages)
        .set({ pendingEscalation: sql`jsonb_set(jsonb_set(${messages.pendingEscalation}, '{attempts}', to_jsonb(coalesce((${messages.pendingEscalation}->>'attempts')::int, 0) + 1)), '{lastError}', to_jsonb(${reason(e)}::text))` })
        .where(eq(messages.id, row.id));
    }
  }
  return written;
}

/**
 * The conversation store: where a chat turn reads its context and saves itself, and where the patient's
 * history, the doctor's conversation log and the organization API read conversations.
 *
 * A turn costs one read (continueConversation, or none for a new conversation) and one write (saveTurn: the question, the answer, the
 * conversation's protocol state and rolling summary and the answer's audit row in one statement; a
 * crisis adds its escalation in the same transaction). On the embedded engine every statement runs on the thread that answers patients, so
 * each one saved is time no other patient waits.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  auditLog,
  avatars,
  type Citation,
  conversations,
  messageFeedback,
  type MessageTimings,
  messages,
  type PendingEscalation,
  type ProtocolState,
} from "@/db/schema";
import type { UrgencyLevel } from "@/db/schema/columns";
import type { ChatTarget } from "@/server/chat/turn-types";
import { RECENT_TURNS, summariseTurns, type TurnForSummary } from "./summary";
import { answerAuditRow, escalationAuditRow } from "@/server/governance/answer-audit";
import { AppError } from "@/server/lib/errors";
import type { CrisisCategory, CrisisLevel } from "@/db/schema/crisis-types";
import type { ScreeningId } from "@/server/safety/replies";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** How many of the patient's earlier messages the crisis assessment and follow-up rewriting see. */
const PATIENT_TURNS = 6;

/** Starts a conversation of the patient's session (sessionHash: see patient-session.ts) with this avatar. */
export async function openConversation(
  db: Db,
  args: { target: ChatTarget; sessionHash: string; newConversationId?: string; locale: string },
): Promise<string> {
  const [row] = await db
    .insert(conversations)
    .values({
      ...(args.newConversationId ? { id: args.newConversationId } : {}),
      orgId: args.target.orgId,
      avatarId: args.target.avatarId,
      avatarVersionId: args.target.versionId,
      sessionHash: args.sessionHash,
      locale: args.locale,
    })
    .returning({ id: conversations.id });
  return row!.id;
}

/**
 * Continues the session's conversation with this avatar: its turn context, read in the same statement
 * that checks whose it is. Another session's id (or an unknown one) is not found.
 */
export async function continueConversation(db: Db, args: { conversationId: string; avatarId: string; sessionHash: string }): Promise<TurnContext> {
  const context = await readTurnContext(db, and(eq(conversations.id, args.conversationId), eq(conversations.avatarId, args.avatarId), eq(conversations.sessionHash, args.sessionHash))!);
  if (!context) throw new AppError("not_found", "This conversation does not exist or belongs to another session.");
  return context;
}

/** A conversation of the organization held by one session (the organization API's), with its avatar's slug; null for none. */
export async function findSessionConversation(db: Db, args: { conversationId: string; orgId: string; sessionHash: string }) {
  const [row] = await db
    .select({ id: conversations.id, slug: avatars.slug })
    .from(conversations)
    .innerJoin(avatars, eq(avatars.id, conversations.avatarId))
    .where(and(eq(conversations.id, args.conversationId), eq(conversations.orgId, args.orgId), eq(conversations.sessionHash, args.sessionHash)));
  return row ?? null;
}

/** What a turn knows of its conversation before it is judged. */
export interface TurnContext {
  /** The patient's earlier messages, oldest first: crisis context across turns, and follow-up questions. */
  patientTurns: string[];
  protocolState: ProtocolState | null;
  /** The rolling summary of the turns older than `recent`. */
  summary: string;
  /** The last turns, oldest first, crisis replies left out (they are never sent to a model). */
  recent: TurnForSummary[];
  /** Screening questions already asked in this conversation (each is asked once). */
  asked: ReadonlySet<ScreeningId>;
  /** The screening question the avatar's latest message asked, which the patient's new message answers. */
  answering: ScreeningId | null;
}

/** A jsonb value built in SQL; a driver may hand it over parsed or as text. */
const json = <T>(query: SQL) => sql<T>`${query}`.mapWith((v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as T);

/** What a turn knows of a conversation that has no messages yet. */
export const emptyTurnContext = (): TurnContext => ({ patientTurns: [], protocolState: null, summary: "", recent: [], asked: new Set(), answering: null });

/** The turn's whole context in one statement (each part is an index range scan of the conversation's messages). */
export async function loadTurnContext(db: Db, conversationId: string): Promise<TurnContext> {
  return (await readTurnContext(db, eq(conversations.id, conversationId))) ?? emptyTurnContext();
}

/** The context of the conversation `where` picks; null when it picks none. */
async function readTurnContext(db: Db, where: SQL): Promise<TurnContext | null> {
  const ofConversation = sql`m.conversation_id = ${conversations.id}`;
  const [row] = await db
    .select({
      protocolState: conversations.protocolState,
      summary: conversations.summary,
      patientTurns: json<string[]>(sql`(select coalesce(jsonb_agg(t.content order by t.created_at), '[]'::jsonb) from
        (select m.content, m.created_at from ${messages} m where ${ofConversation} and m.role = 'patient' order by m.created_at desc limit ${PATIENT_TURNS}) t)`),
      recent: json<TurnForSummary[]>(sql`(select coalesce(jsonb_agg(jsonb_build_object('role', t.role, 'content', t.content) order by t.created_at), '[]'::jsonb) from
        (select m.role, m.content, m.created_at from ${messages} m where ${ofConversation} and m.kind <> 'crisis' order by m.created_at desc limit ${RECENT_TURNS}) t)`),
      asked: json<ScreeningId[]>(sql`(select coalesce(jsonb_agg(distinct m.screening), '[]'::jsonb) from ${messages} m where ${ofConversation} and m.screening is not null)`),
      answering: sql<ScreeningId | null>`(select m.screening from ${messages} m where ${ofConversation} and m.role = 'avatar' order by m.created_at desc limit 1)`,
    })
    .from(conversations)
    .where(where);
  return row ? { ...row, asked: new Set(row.asked) } : null;
}

/** The escalation a crisis turn raises, written in the turn's transaction (crisis-turn.ts). */
export interface TurnEscalation {
  category: CrisisCategory;
  level: CrisisLevel;
  /** Writes the escalation for the stored question and returns its id. */
  write: (tx: Tx, questionId: string) => Promise<string>;
}

/** One turn as it is saved. */
export interface TurnRecord {
  target: ChatTarget;
  conversationId: string;
  context: TurnContext;
  question: { content: string; askedAt: Date };
  answer: {
    kind: "crisis" | "answer" | "no_answer";
    content: string;
    citations?: Citation[];
    model: string;
    timings: MessageTimings;
    urgency?: UrgencyLevel | null;
    screening?: ScreeningId | null;
    /** A crisis reply whose escalation could not be written (retried by retryPendingEscalations). */
    pendingEscalation?: (questionId: string) => PendingEscalation;
  };
  /** Where the patient is in a consultation protocol after the turn (null: in none). */
  protocolState: ProtocolState | null;
  escalation?: TurnEscalation;
}

/**
 * The rolling summary after a turn: the turns leaving the model's window are folded into the stored
 * summary (null: none left it, the summary stands).
 */
function summaryAfter(turn: TurnRecord): string | null {
  const added: TurnForSummary[] = [{ role: "patient", content: turn.question.content }];
  if (turn.answer.kind !== "crisis") added.push({ role: "avatar", content: turn.answer.content });
  const window = [...turn.context.recent, ...added];
  const leaving = window.slice(0, Math.max(0, window.length - RECENT_TURNS));
  return leaving.length > 0 ? summariseTurns(leaving, turn.context.summary) : null;
}

/**
 * Saves a turn at once: both messages, the conversation's state and the audit rows (an answer's
 * provenance; a simulation is a test, not an answer, and is not audited) in one statement, so in one
 * commit; a crisis's escalation joins them in one transaction.
 */
export async function saveTurn(db: Db, turn: TurnRecord): Promise<{ questionId: string; answerId: string; escalationId: string | null }> {
  const { target, conversationId, answer } = turn;
  const questionId = randomUUID();
  const answerId = randomUUID();
  const summary = summaryAfter(turn);
  const audit = { target, conversationId };
  // The question keeps the time it was asked, but always after the conversation's last message: the
  // app's clock counts milliseconds, the database's microseconds, and a client may send its next
  // question within the millisecond its last answer was stored. The answer takes the database's time
  // when it is stored, after both.
  const askedAt = sql`greatest(${turn.question.askedAt.toISOString()}::timestamptz,
    (select max(m.created_at) + interval '1 microsecond' from ${messages} m where m.conversation_id = ${conversationId}))`;
  const writeTurn = (executor: Db | Tx) => {
    const saveMessages = executor.insert(messages).values([
      { id: questionId, orgId: target.orgId, conversationId, role: "patient", kind: "question", content: turn.question.content, createdAt: askedAt },
      {
        id: answerId,
        orgId: target.orgId,
        conversationId,
        role: "avatar",
        kind: answer.kind,
        content: answer.content,
        citations: answer.citations ?? [],
        model: answer.model,
        timings: answer.timings,
        urgency: answer.urgency ?? null,
        screening: answer.screening ?? null,
        pendingEscalation: answer.pendingEscalation?.(questionId) ?? null,
      },
    ]);
    const saveState = executor
      .update(conversations)
      .set({ protocolState: turn.protocolState, lastMessageAt: new Date(), ...(summary === null ? {} : { summary }) })
      .where(eq(conversations.id, conversationId));
    // Data-modifying CTEs: one statement writes both messages, the conversation and the audit row, atomically.
    const last = target.simulation
      ? sql`select 1`
      : executor.insert(auditLog).values(answerAuditRow(audit, { id: answerId, kind: answer.kind, model: answer.model, citations: answer.citations ?? [] })).getSQL();
    // getSQL(): a builder put into sql`` directly is wrapped in parentheses, which a data-modifying CTE does not take.
    return executor.execute(sql`with saved_messages as (${saveMessages.getSQL()}), saved_state as (${saveState.getSQL()}) ${last}`);
  };
  const { escalation } = turn;
  if (!escalation) {
    await writeTurn(db);
    return { questionId, answerId, escalationId: null };
  }
  return db.transaction(async (tx) => {
    await writeTurn(tx);
    const escalationId = await escalation.write(tx, questionId);
    if (!target.simulation) await tx.insert(auditLog).values(escalationAuditRow(audit, { id: escalationId, category: escalation.category, level: escalation.level }));
    return { questionId, answerId, escalationId };
  });
}

/**
 * A conversation's messages, oldest first, each with its rating: what the patient's transcript and the
 * doctor's log are built from (each shows its own fields). The caller has checked who may read it.
 */
export function conversationMessages(db: Db, args: { conversationId: string; orgId: string }) {
  return db
    .select({
      id: messages.id,
      role: messages.role,
      kind: messages.kind,
      content: messages.content,
      citations: messages.citations,
      model: messages.model,
      timings: messages.timings,
      urgency: messages.urgency,
      screening: messages.screening,
      createdAt: messages.createdAt,
      rating: messageFeedback.rating,
      comment: messageFeedback.comment,
    })
    .from(messages)
    .leftJoin(messageFeedback, eq(messageFeedback.messageId, messages.id))
    .where(and(eq(messages.conversationId, args.conversationId), eq(messages.orgId, args.orgId)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

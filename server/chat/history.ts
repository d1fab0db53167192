import { and, desc, eq, isNotNull, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, messages, type ProtocolState } from "@/db/schema";
import type { ScreeningId } from "@/server/safety/replies";
import { RECENT_TURNS, summariseTurns, type TurnForSummary } from "./compose/summary";

/** How many messages back the summary reaches (older ones are already folded into what it says). */
const SUMMARY_HORIZON = 80;

export interface ConversationContext {
  protocolState: ProtocolState | null;
  summary: string;
  /** The last turns, oldest first, crisis replies left out (they are never sent to a model). */
  recent: TurnForSummary[];
}

export async function loadConversationContext(db: Db, conversationId: string): Promise<ConversationContext> {
  const [[conv], rows] = await Promise.all([
    db.select({ protocolState: conversations.protocolState, summary: conversations.summary }).from(conversations).where(eq(conversations.id, conversationId)),
    db
      .select({ role: messages.role, content: messages.content })
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), ne(messages.kind, "crisis")))
      .orderBy(desc(messages.createdAt))
      .limit(RECENT_TURNS),
  ]);
  return { protocolState: conv?.protocolState ?? null, summary: conv?.summary ?? "", recent: rows.reverse() };
}

/**
 * After a turn: the conversation's protocol state and its rolling summary of the turns older than the
 * model's window (extractive, so it needs no model and costs one bounded read).
 */
export async function saveConversationAfterTurn(db: Db, conversationId: string, protocolState: ProtocolState | null): Promise<void> {
  const rows = await db
    .select({ role: messages.role, content: messages.content })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), ne(messages.kind, "crisis")))
    .orderBy(desc(messages.createdAt))
    .limit(SUMMARY_HORIZON);
  const older = rows.slice(RECENT_TURNS).reverse();
  await db
    .update(conversations)
    .set({ protocolState, lastMessageAt: new Date(), ...(older.length > 0 ? { summary: summariseTurns(older) } : {}) })
    .where(eq(conversations.id, conversationId));
}

/**
 * The check-in state: the screening questions asked so far in the conversation, and the one the
 * avatar's latest message asked (which the patient's new message answers), if it asked one.
 */
export async function loadScreeningState(db: Db, conversationId: string): Promise<{ asked: Set<ScreeningId>; answering: ScreeningId | null }> {
  const [asked, [last]] = await Promise.all([
    db.selectDistinct({ screening: messages.screening }).from(messages).where(and(eq(messages.conversationId, conversationId), isNotNull(messages.screening))),
    db
      .select({ screening: messages.screening })
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.role, "avatar")))
      .orderBy(desc(messages.createdAt))
      .limit(1),
  ]);
  return { asked: new Set(asked.map((r) => r.screening!)), answering: last?.screening ?? null };
}

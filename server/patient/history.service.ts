import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { avatars, avatarVersions, type Citation, conversations, escalations, messages, organizations } from "@/db/schema";
import type { UrgencyLevel } from "@/db/schema/columns";
import { retryPendingEscalations } from "@/server/chat/crisis-turn";
import { AppError } from "@/server/lib/errors";
import type { CrisisEvidence } from "@/server/safety/detect";
import { forgetPatientTextOfClosedEscalations } from "@/server/safety/escalation.service";
import { getOrgHotlines } from "@/server/safety/org-hotlines";
import { getCrisisReply, type Hotline, type Locale, type Region } from "@/server/safety/replies";
import { conversationMessages } from "@/server/conversations/store";
import { hospitalOf } from "./directory.service";
import { findOwnedConversation, ownedBy } from "./patient-identity";
import type { Principal } from "@/server/principal/principal";

export interface TranscriptMessage {
  id: string;
  role: "patient" | "avatar";
  kind: "question" | "crisis" | "answer" | "no_answer" | "error";
  content: string;
  citations: Citation[];
  urgency: UrgencyLevel | null;
  createdAt: Date;
  /** The crisis panel as it was shown: category, level and the numbers to call. */
  crisis: { category: string; level: string; hotlines: Hotline[] } | null;
  feedback: { rating: "up" | "down"; comment: string | null } | null;
}

export interface Transcript {
  id: string;
  slug: string;
  avatar: { name: string; title: string; specialty: string; hospital: string; language: Locale; disclaimer: string };
  createdAt: Date;
  lastMessageAt: Date;
  messages: TranscriptMessage[];
}

/**
 * The conversation a reload continues: the one asked for if this browser session owns it, else the
 * session's newest with this avatar's published versions; null for none.
 */
export async function resumableConversationId(db: Db, args: { avatarId: string; sessionHash: string; preferredId?: string }): Promise<string | null> {
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.avatarId, args.avatarId),
        eq(conversations.sessionHash, args.sessionHash),
        isNotNull(conversations.avatarVersionId),
        args.preferredId ? eq(conversations.id, args.preferredId) : undefined,
      ),
    )
    .orderBy(desc(conversations.lastMessageAt))
    .limit(1);
  if (!row && args.preferredId) return resumableConversationId(db, { ...args, preferredId: undefined });
  return row?.id ?? null;
}

/**
 * Moves a signed-in patient's conversation to this browser's session, so it can be continued here
 * (the chat only continues conversations of the requesting session).
 */
export async function moveConversationToSession(db: Db, identity: Principal<"patient"> & { sessionHash: string }, unverifiedId: string) {
  const conv = await findOwnedConversation(db, identity, unverifiedId);
  await db.update(conversations).set({ sessionHash: identity.sessionHash }).where(eq(conversations.id, conv.id));
  const [avatar] = await db.select({ slug: avatars.slug }).from(avatars).where(eq(avatars.id, conv.avatarId));
  return { id: conv.id, slug: avatar!.slug };
}

/**
 * A patient's whole conversation, as they saw it: messages with citations, the crisis panels (their
 * numbers rebuilt from the escalation, the avatar's region and the hospital's own lines) and their ratings.
 */
export async function loadTranscript(db: Db, identity: Principal<"patient">, unverifiedId: string): Promise<Transcript> {
  const conv = await findOwnedConversation(db, identity, unverifiedId);
  const [head] = await db
    .select({
      slug: avatars.slug,
      snapshot: avatarVersions.snapshot,
      orgName: organizations.name,
      createdAt: conversations.createdAt,
      lastMessageAt: conversations.lastMessageAt,
    })
    .from(conversations)
    .innerJoin(avatars, eq(avatars.id, conversations.avatarId))
    .innerJoin(avatarVersions, eq(avatarVersions.id, conversations.avatarVersionId))
    .innerJoin(organizations, eq(organizations.id, conversations.orgId))
    .where(eq(conversations.id, conv.id));
  const rows = await conversationMessages(db, { conversationId: conv.id, orgId: conv.orgId });
  const crises = await db
    .select({ messageId: escalations.messageId, category: escalations.category, level: escalations.level, evidence: escalations.evidence })
    .from(escalations)
    .where(eq(escalations.conversationId, conv.id));
  const { snapshot } = head!;
  const extraHotlines = crises.length > 0 ? await getOrgHotlines(db, conv.orgId) : [];
  // An escalation points at the patient's question; its panel belongs to the vetted reply after it.
  const crisisByQuestion = new Map(crises.map((c) => [c.messageId, c]));

  const transcriptMessages = rows.map((row, i): TranscriptMessage => {
    const escalation = row.kind === "crisis" ? crisisByQuestion.get(rows[i - 1]?.id ?? "") : undefined;
    const crisis = escalation
      ? {
          category: escalation.category,
          level: escalation.level,
          hotlines: getCrisisReply({
            category: escalation.category,
            level: escalation.level,
            // Stored from the detector's own verdict, so its categories are the detector's.
            evidence: escalation.evidence as CrisisEvidence[],
            locale: snapshot.language,
            region: snapshot.region as Region,
            extraHotlines,
          }).hotlines,
        }
      : null;
    return {
      id: row.id,
      role: row.role,
      kind: row.kind,
      content: row.content,
      citations: row.citations,
      urgency: row.urgency ?? null,
      createdAt: row.createdAt,
      crisis,
      feedback: row.rating ? { rating: row.rating, comment: row.comment } : null,
    };
  });
  return {
    id: conv.id,
    slug: head!.slug,
    avatar: {
      name: snapshot.name,
      title: snapshot.title,
      specialty: snapshot.specialty,
      hospital: hospitalOf(snapshot, head!.orgName),
      language: snapshot.language,
      disclaimer: snapshot.disclaimer,
    },
    createdAt: head!.createdAt,
    lastMessageAt: head!.lastMessageAt,
    messages: transcriptMessages,
  };
}

/** Signing in claims this browser's anonymous conversations for the user, so they appear in their history. */
export async function claimConversations(db: Db, args: { sessionHash: string; userId: string }): Promise<number> {
  const claimed = await db
    .update(conversations)
    .set({ userId: args.userId })
    .where(and(eq(conversations.sessionHash, args.sessionHash), isNull(conversations.userId), isNotNull(conversations.avatarVersionId)))
    .returning({ id: conversations.id });
  return claimed.length;
}

/** A patient's conversations (this browser's and, signed in, their account's), newest first, each with its avatar and opening question. */
export async function listHistory(db: Db, identity: Principal<"patient">) {
  const owner = ownedBy(identity);
  if (!owner) return [];
  const convs = await db
    .select({
      id: conversations.id,
      slug: avatars.slug,
      snapshot: avatarVersions.snapshot,
      lastMessageAt: conversations.lastMessageAt,
    })
    .from(conversations)
    .innerJoin(avatars, eq(avatars.id, conversations.avatarId))
    .innerJoin(avatarVersions, eq(avatarVersions.id, conversations.avatarVersionId))
    .where(and(owner, isNotNull(conversations.avatarVersionId)))
    .orderBy(desc(conversations.lastMessageAt))
    .limit(200);
  if (convs.length === 0) return [];
  const ids = convs.map((c) => c.id);
  const stats = await db
    .select({ conversationId: messages.conversationId, count: count(), firstAt: min(messages.createdAt) })
    .from(messages)
    .where(inArray(messages.conversationId, ids))
    .groupBy(messages.conversationId);
  const firstQuestions = await db
    .selectDistinctOn([messages.conversationId], { conversationId: messages.conversationId, content: messages.content })
    .from(messages)
    .where(and(inArray(messages.conversationId, ids), eq(messages.role, "patient")))
    .orderBy(messages.conversationId, asc(messages.createdAt));
  const statsById = new Map(stats.map((s) => [s.conversationId, s]));
  const firstById = new Map(firstQuestions.map((q) => [q.conversationId, q.content]));
  return convs
    .filter((c) => (statsById.get(c.id)?.count ?? 0) > 0)
    .map((c) => ({
      id: c.id,
      slug: c.slug,
      avatarName: c.snapshot.name,
      specialty: c.snapshot.specialty,
      language: c.snapshot.language,
      lastMessageAt: c.lastMessageAt,
      messageCount: statsById.get(c.id)!.count,
      firstQuestion: firstById.get(c.id) ?? "",
    }));
}

async function hasPendingEscalation(db: Db, conversationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), isNotNull(messages.pendingEscalation)))
    .limit(1);
  return row !== undefined;
}

export type HistoryEntry = Awaited<ReturnType<typeof listHistory>>[number];

/**
 * Deletes a patient's own conversation for good: its messages, ratings and follow-up requests cascade
 * with it. A crisis escalation not yet resolved outlives it, with the patient's words, until the care
 * team resolves it (then they are erased too). One still pending on its crisis reply is written first:
 * the database refuses to delete a conversation that holds one (migration 0024).
 */
export async function deleteConversation(db: Db, identity: Principal<"patient">, unverifiedId: string): Promise<void> {
  const conv = await findOwnedConversation(db, identity, unverifiedId);
  if (await hasPendingEscalation(db, conv.id)) {
    await retryPendingEscalations(db);
    if (await hasPendingEscalation(db, conv.id)) {
      throw new AppError("conflict", "This conversation's crisis alert is still being delivered to the care team; try deleting it again in a few minutes.");
    }
  }
  await db.transaction(async (tx) => {
    await tx.delete(conversations).where(eq(conversations.id, conv.id));
    await forgetPatientTextOfClosedEscalations(tx, conv.orgId);
  });
}

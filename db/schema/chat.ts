import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { CrisisEvidence } from "./crisis-types";
import { users } from "./auth";
import { avatars, avatarVersions } from "./avatars";
import { createdAt, id, orgId, type ScreeningId, type UrgencyLevel } from "./columns";
import type { ProtocolState } from "./protocols";
import { organizations } from "./orgs";

export const messageRole = pgEnum("message_role", ["patient", "avatar"]);
/** What produced an avatar message: a vetted crisis reply, a grounded answer, or "nothing found". */
export const messageKind = pgEnum("message_kind", ["question", "crisis", "answer", "no_answer", "error"]);

export type ConversationSource = "patient" | "simulation";

export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    /** null for the studio's preview chat, which talks to the draft. */
    avatarVersionId: text("avatar_version_id").references(() => avatarVersions.id),
    /** sha256 of the anonymous patient session token (the token itself lives only in the patient's cookie). */
    sessionHash: text("session_hash").notNull(),
    /** The signed-in patient who claimed this anonymous conversation, for their history; null while anonymous. */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    locale: text("locale").notNull(),
    /** "simulation": an avatar run against a virtual patient; kept out of patient analytics and never escalated to people. */
    source: text("source").$type<ConversationSource>().notNull().default("patient"),
    /** Where the patient is in a consultation protocol; null outside one. */
    protocolState: jsonb("protocol_state").$type<ProtocolState>(),
    /** Rolling summary of the turns older than the model's window, so long chats are summarised, not cut. */
    summary: text("summary").notNull().default(""),
    createdAt: createdAt(),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conversations_avatar_idx").on(t.avatarId, t.lastMessageAt), index("conversations_session_idx").on(t.sessionHash), index("conversations_user_idx").on(t.userId, t.lastMessageAt)],
);

export interface Citation {
  index: number;
  passageId: string;
  documentId: string;
  documentTitle: string;
  headingPath: string[];
  page: number | null;
  excerpt: string;
  /** The document's source ("ESC", "NEJM"), for the patient to see what the answer rests on. */
  source?: string | null;
  /** The document's edition or year ("2023"). */
  year?: string | null;
  /** "curated": the doctor's own answer to this question (an FAQ entry), quoted whole; passageId is its id. */
  kind?: "passage" | "curated";
  /** Set when the passage is the hospital's or a department's shared knowledge, not the doctor's own. */
  owner?: CitationOwner | null;
}

export interface CitationOwner {
  kind: "organization" | "department";
  /** The organization's or the department's name. */
  name: string;
}

export interface MessageTimings {
  safetyMs: number;
  retrievalMs?: number;
  composeMs?: number;
  firstTokenMs?: number;
  totalMs?: number;
  /** Cosine similarity of the best retrieved passage (absent when none was found), for the knowledge-gaps queue. */
  topScore?: number;
}

/** A crisis reply whose escalation could not be written with it: retried until it is (see retryPendingEscalations). */
export interface PendingEscalation {
  /** The patient's message the escalation points to. */
  questionId: string;
  category: "suicide" | "medical" | "violence";
  level: "imminent" | "high" | "concern";
  evidence: CrisisEvidence[];
  attempts: number;
  lastError: string;
}

export const messages = pgTable(
  "messages",
  {
    id: id(),
    orgId: orgId(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    role: messageRole("role").notNull(),
    kind: messageKind("kind").notNull(),
    content: text("content").notNull(),
    citations: jsonb("citations").$type<Citation[]>().notNull().default([]),
    /** Which composer or model produced the text, for provenance. */
    model: text("model"),
    timings: jsonb("timings").$type<MessageTimings>(),
    /** How urgently care is advised, on the doctor's scale, when the answer advises care. */
    urgency: text("urgency").$type<UrgencyLevel>(),
    /** The check-in tier: the screening question this avatar message asked; the patient's next message answers it. */
    screening: text("screening").$type<ScreeningId>(),
    pendingEscalation: jsonb("pending_escalation").$type<PendingEscalation>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("messages_conversation_idx").on(t.conversationId, t.createdAt),
    index("messages_pending_escalation_idx").on(t.createdAt).where(sql`${t.pendingEscalation} is not null`),
  ],
);

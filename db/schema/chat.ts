import { index, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { avatars, avatarVersions } from "./avatars";
import { createdAt, id, orgId } from "./columns";
import { organizations } from "./orgs";

export const messageRole = pgEnum("message_role", ["patient", "avatar"]);
/** What produced an avatar message: a vetted crisis reply, a grounded answer, or "nothing found". */
export const messageKind = pgEnum("message_kind", ["question", "crisis", "answer", "no_answer", "error"]);

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
    locale: text("locale").notNull(),
    createdAt: createdAt(),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conversations_avatar_idx").on(t.avatarId, t.lastMessageAt), index("conversations_session_idx").on(t.sessionHash)],
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
}

export interface MessageTimings {
  safetyMs: number;
  retrievalMs?: number;
  composeMs?: number;
  firstTokenMs?: number;
  totalMs?: number;
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
    createdAt: createdAt(),
  },
  (t) => [index("messages_conversation_idx").on(t.conversationId, t.createdAt)],
);

import { index, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { avatars } from "./avatars";
import { users } from "./auth";
import { conversations, messages } from "./chat";
import { createdAt, id, orgId } from "./columns";
import { organizations } from "./orgs";

export const feedbackRating = pgEnum("feedback_rating", ["up", "down"]);

/** A patient's thumbs up or down on one avatar answer; one per message, changeable. Read by the knowledge-gaps queue. */
export const messageFeedback = pgTable(
  "message_feedback",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    messageId: text("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    rating: feedbackRating("rating").notNull(),
    comment: text("comment"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("message_feedback_message_key").on(t.messageId), index("message_feedback_org_rating_idx").on(t.orgId, t.rating, t.createdAt)],
);

export const followUpStatus = pgEnum("follow_up_status", ["open", "contacted", "closed"]);
export const followUpContactKind = pgEnum("follow_up_contact_kind", ["phone", "email"]);

/** "Ask a human doctor": the patient leaves a contact so the doctor's team can follow up (not a crisis callback). */
export const followUpRequests = pgTable(
  "follow_up_requests",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    contactKind: followUpContactKind("contact_kind").notNull(),
    contact: text("contact").notNull(),
    note: text("note"),
    status: followUpStatus("status").notNull().default("open"),
    handledBy: text("handled_by").references(() => users.id, { onDelete: "set null" }),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("follow_up_requests_org_status_idx").on(t.orgId, t.status, t.createdAt)],
);

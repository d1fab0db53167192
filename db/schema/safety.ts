import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { avatars } from "./avatars";
import { conversations, messages } from "./chat";
import { createdAt, id, orgId } from "./columns";
import { organizations } from "./orgs";

export const crisisCategory = pgEnum("crisis_category", ["suicide", "medical", "violence"]);
export const crisisLevel = pgEnum("crisis_level", ["imminent", "high", "concern"]);
export const escalationStatus = pgEnum("escalation_status", ["open", "acknowledged", "resolved"]);

export interface EscalationEvidence {
  phrase: string;
  rule: string;
  category: string;
  level: string;
}

export const escalations = pgTable(
  "escalations",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    /**
     * null once the patient deleted the conversation: a crisis outlives it (and its notifications go
     * out) until resolved. See forgetPatientTextOfClosedEscalations.
     */
    conversationId: text("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
    /** The patient's message that raised it; null once the conversation is deleted. */
    messageId: text("message_id").references(() => messages.id, { onDelete: "set null" }),
    /** That message's text, kept with the escalation while it is handled; erased once it is resolved and its conversation is gone. */
    patientMessage: text("patient_message"),
    category: crisisCategory("category").notNull(),
    level: crisisLevel("level").notNull(),
    evidence: jsonb("evidence").$type<EscalationEvidence[]>().notNull(),
    status: escalationStatus("status").notNull().default("open"),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: text("acknowledged_by").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: text("resolved_by").references(() => users.id),
    resolutionNote: text("resolution_note"),
    /** A number the patient left to be called back on, from the crisis panel. */
    callbackPhone: text("callback_phone"),
    callbackRequestedAt: timestamp("callback_requested_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("escalations_org_status_idx").on(t.orgId, t.status, t.createdAt)],
);

export const notificationChannel = pgEnum("notification_channel", ["webhook", "email", "oncall"]);
export const notificationStatus = pgEnum("notification_status", ["pending", "delivered", "failed"]);

/**
 * The notification outbox: one row per escalation and channel, written in the escalation's
 * transaction and retried with backoff until the receiver acknowledges it, across restarts, or
 * until it is failed (last_error says why; the crisis inbox shows it).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    escalationId: text("escalation_id")
      .notNull()
      .references(() => escalations.id, { onDelete: "cascade" }),
    channel: notificationChannel("channel").notNull(),
    status: notificationStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    lastError: text("last_error"),
    /** For "oncall": the e-mail addresses of the members on call when the escalation was raised. */
    recipients: jsonb("recipients").$type<string[]>(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("notifications_escalation_channel_key").on(t.escalationId, t.channel),
    index("notifications_due_idx").on(t.status, t.nextAttemptAt),
    // Each round takes a few due rows per organization (server/safety/notify/deliver.ts).
    index("notifications_org_due_idx").on(t.orgId, t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);

import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { type AvatarSnapshot, avatars, avatarVersions, type PassagePin, type VersionDocument, type VersionProtocol } from "./avatars";
import { createdAt, id, orgId } from "./columns";
import { organizations } from "./orgs";

/**
 * Append-only record of who did what. A trigger (migration) refuses UPDATE and DELETE, so not even the
 * application can rewrite history; rows carry no foreign keys so they outlive what they describe.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    orgId: orgId(),
    /** null for the system (jobs) and for patients, who are anonymous. */
    actorId: text("actor_id"),
    /** Who it was, as shown then (e-mail, "system", "patient", "api key fs_ab12…"). */
    actorLabel: text("actor_label").notNull(),
    /** Dotted verb, e.g. "avatar.publish", "member.remove", "answer.generated", "retention.purge". */
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_org_time_idx").on(t.orgId, t.createdAt), index("audit_log_org_action_idx").on(t.orgId, t.action)],
);

export const publishRequestStatus = pgEnum("publish_request_status", ["pending", "approved", "rejected", "withdrawn"]);

/** A doctor's request that a reviewer approve publishing the avatar's draft as it was when asked (and reviewed). */
export const publishRequests = pgTable(
  "publish_requests",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    requestedBy: text("requested_by")
      .notNull()
      .references(() => users.id),
    note: text("note").notNull().default(""),
    /** The draft as it was asked to be published: what the reviewer sees and what approval publishes (null: asked before this was kept). */
    snapshot: jsonb("snapshot").$type<AvatarSnapshot>(),
    protocols: jsonb("protocols").$type<VersionProtocol[]>(),
    knowledge: jsonb("knowledge").$type<VersionDocument[]>(),
    /** The passages the reviewer's draft served, shared corpora's included: approval publishes these. */
    pins: jsonb("pins").$type<PassagePin[]>(),
    status: publishRequestStatus("status").notNull().default("pending"),
    reviewerId: text("reviewer_id").references(() => users.id),
    reviewComment: text("review_comment"),
    /** The version the approval published. */
    versionId: text("version_id").references(() => avatarVersions.id),
    createdAt: createdAt(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [index("publish_requests_org_status_idx").on(t.orgId, t.status), index("publish_requests_avatar_idx").on(t.avatarId)],
);

/** An organization's governance rules. */
export const governanceSettings = pgTable("governance_settings", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  /** Publishing needs a reviewer's approval. */
  requirePublishApproval: boolean("require_publish_approval").notNull().default(false),
  /** Publishing needs every test question of the avatar to find what should answer it. */
  requireTestQuestions: boolean("require_test_questions").notNull().default(false),
  /** Patient conversations are deleted this many days after their last message; null keeps them. */
  conversationRetentionDays: integer("conversation_retention_days"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

import { type AnyPgColumn, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { bytea, createdAt, id, orgId } from "./columns";

export interface OrgHotline {
  label: string;
  number: string;
}

export const orgKind = pgEnum("org_kind", ["personal", "hospital"]);
export const memberRole = pgEnum("member_role", ["admin", "doctor", "reviewer", "on_call"]);
/** What the crisis webhook URL is: a generic receiver, or a chat platform's group robot (server/safety/notify/notifiers/). */
export const webhookKind = pgEnum("webhook_kind", ["webhook", "wecom", "dingtalk", "feishu", "slack", "teams"]);

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    kind: orgKind("kind").notNull().default("personal"),
    /** Region whose emergency numbers crisis replies carry: CN, US, UK or INTL. */
    region: text("region").notNull().default("INTL"),
    /** Crisis routing: escalations are POSTed here in webhookKind's format, signed with webhookSecret. */
    webhookUrl: text("webhook_url"),
    webhookKind: webhookKind("webhook_kind").notNull().default("webhook"),
    webhookSecret: text("webhook_secret"),
    /** Whether crisis alerts (webhook, chat robots, e-mail) carry the patient's message; else only its category and level. */
    alertPatientText: boolean("alert_patient_text").notNull().default(false),
    /** Crisis routing: escalations are e-mailed here when SMTP is configured. */
    notifyEmail: text("notify_email"),
    /** Escalations waiting longer than this are flagged in the inbox. */
    responseTargetMinutes: integer("response_target_minutes").notNull().default(15),
    /** The hospital's own lines, shown in crisis replies after the emergency numbers. */
    extraHotlines: jsonb("extra_hotlines").$type<OrgHotline[]>().notNull().default([]),
    /** Brand: shown on the organization's public page, its avatars' pages and the widget. */
    description: text("description").notNull().default(""),
    brandColor: text("brand_color").notNull().default("#0f766e"),
    accentColor: text("accent_color").notNull().default("#1e3a8a"),
    logo: bytea("logo"),
    logoMimeType: text("logo_mime_type"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("organizations_slug_key").on(t.slug)],
);

// Departments live here, not in a file of their own: memberships point at them and they point at organizations.
/** A hospital department (cardiology, psychiatry…): groups avatars, members, shared knowledge and crisis targets. */
export const departments = pgTable(
  "departments",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("departments_org_slug_key").on(t.orgId, t.slug), index("departments_org_idx").on(t.orgId)],
);

export const memberships = pgTable(
  "memberships",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull(),
    /** The member's department, for routing and listing; null for organization-wide members. */
    departmentId: text("department_id").references((): AnyPgColumn => departments.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

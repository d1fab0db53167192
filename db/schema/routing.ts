import { check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { createdAt, id, orgId } from "./columns";
import { departments, organizations, webhookKind } from "./orgs";

/**
 * A department's own crisis targets. Escalations from its avatars go here; a field left empty falls
 * back to the organization's setting.
 */
export const departmentCrisisRoutes = pgTable("department_crisis_routes", {
  departmentId: text("department_id")
    .primaryKey()
    .references(() => departments.id, { onDelete: "cascade" }),
  orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
  webhookUrl: text("webhook_url"),
  webhookKind: webhookKind("webhook_kind").notNull().default("webhook"),
  webhookSecret: text("webhook_secret"),
  notifyEmail: text("notify_email"),
  responseTargetMinutes: integer("response_target_minutes"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Who is on call when: members on call at an escalation's moment are e-mailed at once. */
export const onCallShifts = pgTable(
  "on_call_shifts",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** null: on call for the whole organization. */
    departmentId: text("department_id").references(() => departments.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("on_call_shifts_org_time_idx").on(t.orgId, t.startsAt, t.endsAt), check("on_call_shifts_order", sql`${t.endsAt} > ${t.startsAt}`)],
);

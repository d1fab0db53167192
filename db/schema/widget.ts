import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { organizations } from "./orgs";

/** Default widget chat requests per minute, per embedding origin (counted by server/limits/chat.ts). */
export const DEFAULT_WIDGET_RATE_LIMIT = 30;

/**
 * An organization's chat widget: the origins (scheme://host[:port]) whose pages may embed it, and the
 * chat requests per minute each origin may make. No row (or no origins) means no site may embed it.
 */
export const widgetSettings = pgTable("widget_settings", {
  orgId: text("org_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  allowedOrigins: jsonb("allowed_origins").$type<string[]>().notNull().default([]),
  rateLimitPerMinute: integer("rate_limit_per_minute").notNull().default(DEFAULT_WIDGET_RATE_LIMIT),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .default(sql`clock_timestamp()`),
});

import { sql } from "drizzle-orm";
import { customType, text, timestamp } from "drizzle-orm/pg-core";

export const id = () =>
  text("id")
    .primaryKey()
    .default(sql`gen_random_uuid()::text`);

/** clock_timestamp, not now(): rows written in one transaction (a question and its crisis reply) keep their order. */
export const createdAt = () =>
  timestamp("created_at", { withTimezone: true })
    .notNull()
    .default(sql`clock_timestamp()`);

/** Every tenant-owned row carries its organization: every query is scoped by it (and sharding can follow it). */
export const orgId = () => text("org_id").notNull();

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return "bytea";
  },
});

/** Full-text vector built from app-side tokens with the 'simple' config, so Chinese works on both engines. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

/** The doctor's scale of how urgently care is advised, from least to most urgent. */
export const URGENCY_LEVELS = ["self_care", "days", "today", "emergency"] as const;
export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];

/** A screening question: the C-SSRS opener, one red-flag question per emergency family, or safety now. */
export const SCREENING_IDS = ["stroke", "chest_pain", "bleeding", "breathing", "medical", "suicide", "violence"] as const;
export type ScreeningId = (typeof SCREENING_IDS)[number];

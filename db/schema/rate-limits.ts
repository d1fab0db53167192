import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Request counters of the rate limits (server/limits/rate-limit.ts), kept in the database so every app
 * instance counts together: one row per limited key (e.g. "chat:avatar:dr-lin-wen"), counting hits in
 * a fixed window that starts at the key's first hit and ends at window_ends_at.
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").primaryKey(),
    windowEndsAt: timestamp("window_ends_at", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull(),
  },
  // Finished windows are purged hourly (see purgeExpiredCounters).
  (t) => [index("rate_limit_counters_window_ends_idx").on(t.windowEndsAt)],
);

import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimitCounters } from "@/db/schema";
import { AppError } from "@/server/lib/errors";

/** At most `max` hits per key in a window of `windowSeconds` that starts at the key's first hit. */
export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
  /** The person-readable refusal, given the seconds to wait. */
  refusal: (seconds: number) => string;
}

/** The database's clock by default, so that every app instance agrees on when a window ends; tests pass their own. */
const clock = (now?: Date) => (now ? sql`${now.toISOString()}::timestamptz` : sql`now()`);

/**
 * Counts one hit on each key with one atomic upsert (the row locks order concurrent hits, on a Postgres
 * server and on PGlite alike) and returns each key's hits in its window and the seconds left of it, in
 * the order of `limits`. One statement for all the keys: a chat message counts three, on every turn.
 */
async function count(db: Db, limits: readonly Limit[], now?: Date): Promise<{ hits: number; secondsLeft: number }[]> {
  const at = clock(now);
  const live = sql`${rateLimitCounters.windowEndsAt} > ${at}`;
  const rows = await db
    .insert(rateLimitCounters)
    .values(limits.map((limit) => ({ key: limit.key, windowEndsAt: sql`${at} + make_interval(secs => ${limit.windowSeconds})`, hits: 1 })))
    .onConflictDoUpdate({
      target: rateLimitCounters.key,
      set: {
        hits: sql`CASE WHEN ${live} THEN ${rateLimitCounters.hits} + 1 ELSE 1 END`,
        windowEndsAt: sql`CASE WHEN ${live} THEN ${rateLimitCounters.windowEndsAt} ELSE excluded.window_ends_at END`,
      },
    })
    .returning({ key: rateLimitCounters.key, hits: rateLimitCounters.hits, secondsLeft: sql<number>`ceil(extract(epoch FROM ${rateLimitCounters.windowEndsAt} - ${at}))::int` });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return limits.map((limit) => {
    const row = byKey.get(limit.key)!;
    return { hits: row.hits, secondsLeft: Math.max(1, Number(row.secondsLeft)) };
  });
}

/**
 * Counts one hit on each limit and throws rate_limited (429, Retry-After) for the first one over its
 * maximum; the hits on the limits after it are given back, so a client refused by its own limit does
 * not use up a shared one (an avatar's) for everyone else.
 */
export async function enforceLimits(db: Db, limits: readonly Limit[], now?: Date): Promise<void> {
  if (limits.length === 0) return;
  const keys = limits.map((l) => l.key);
  // One upsert cannot touch a row twice: a repeated key is the caller's mistake, not a second hit.
  const repeated = keys.find((key, i) => keys.indexOf(key) !== i);
  if (repeated) throw new Error(`rate limit key "${repeated}" is given twice`);
  const counted = await count(db, limits, now);
  const refused = counted.findIndex(({ hits }, i) => hits > limits[i]!.max);
  if (refused < 0) return;
  const notCounted = keys.slice(refused + 1);
  if (notCounted.length > 0) {
    await db
      .update(rateLimitCounters)
      .set({ hits: sql`${rateLimitCounters.hits} - 1` })
      .where(and(inArray(rateLimitCounters.key, notCounted), gt(rateLimitCounters.hits, 0)));
  }
  const { secondsLeft } = counted[refused]!;
  throw new AppError("rate_limited", limits[refused]!.refusal(secondsLeft), { retryAfterSeconds: secondsLeft });
}

/** Gives back one hit, e.g. of a sign-in that succeeded: only failures should add up to a lockout. */
export async function refundHit(db: Db, key: string, now?: Date): Promise<void> {
  await db
    .update(rateLimitCounters)
    .set({ hits: sql`${rateLimitCounters.hits} - 1` })
    .where(and(eq(rateLimitCounters.key, key), gt(rateLimitCounters.hits, 0), sql`${rateLimitCounters.windowEndsAt} > ${clock(now)}`));
}

/** Drops the counters of finished windows (run with the hourly retention). */
export async function purgeExpiredCounters(db: Db, now = new Date()): Promise<void> {
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowEndsAt, now));
}

/** "in 42 seconds" / "in 3 minutes", for refusals. */
export function waitText(seconds: number): string {
  return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

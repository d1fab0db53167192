import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { rateLimitCounters } from "@/db/schema";
import { isAppError } from "@/server/lib/errors";
import { createTestDatabase } from "@/server/test/db";
import { clientAddress, UNKNOWN_ADDRESS } from "./client";
import { enforceLimits, type Limit, purgeExpiredCounters, refundHit } from "./rate-limit";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

const limit = (key: string, max = 3, windowSeconds = 60): Limit => ({ key, max, windowSeconds, refusal: (s) => `wait ${s}` });
const outcome = (p: Promise<void>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isAppError(e) ? `${e.code} ${e.retryAfterSeconds}` : Promise.reject(e)),
  );

describe("enforceLimits", () => {
  it("admits max hits per window, then refuses with the seconds left, and admits again once the window is over", async () => {
    const t0 = new Date("2030-01-01T00:00:00Z");
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    for (let i = 0; i < 3; i++) expect(await outcome(enforceLimits(database.db, [limit("a")], at(i)))).toBe("ok");
    expect(await outcome(enforceLimits(database.db, [limit("a")], at(20)))).toBe("rate_limited 40");
    expect(await outcome(enforceLimits(database.db, [limit("a")], at(59.5)))).toBe("rate_limited 1");
    expect(await outcome(enforceLimits(database.db, [limit("a")], at(60)))).toBe("ok");
    expect(await outcome(enforceLimits(database.db, [limit("b")], at(20)))).toBe("ok");
  });

  it("counts concurrent hits exactly: of 30 at once, the first 10 pass", async () => {
    const now = new Date("2030-01-02T00:00:00Z");
    const results = await Promise.all(Array.from({ length: 30 }, () => outcome(enforceLimits(database.db, [limit("burst", 10)], now))));
    expect(results.filter((r) => r === "ok")).toHaveLength(10);
    const [row] = await database.db.select().from(rateLimitCounters).where(eq(rateLimitCounters.key, "burst"));
    expect(row!.hits).toBe(30);
  });

  it("stops at the first limit refused: a shared limit after it is not used up by a refused client", async () => {
    const now = new Date("2030-01-03T00:00:00Z");
    for (let i = 0; i < 5; i++) await outcome(enforceLimits(database.db, [limit("client-x", 1), limit("shared", 3)], now));
    const [shared] = await database.db.select().from(rateLimitCounters).where(eq(rateLimitCounters.key, "shared"));
    expect(shared!.hits).toBe(1);
  });

  it("counts every limit before the refused one, none after it, and says which key a caller repeated", async () => {
    const now = new Date("2030-01-05T00:00:00Z");
    const limits = [limit("before", 10), limit("client-y", 1), limit("after", 10)];
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await outcome(enforceLimits(database.db, limits, now)));
    expect(results).toEqual(["ok", "rate_limited 60", "rate_limited 60", "rate_limited 60"]);
    const hits = async (key: string) => (await database.db.select().from(rateLimitCounters).where(eq(rateLimitCounters.key, key)))[0]!.hits;
    expect([await hits("before"), await hits("client-y"), await hits("after")]).toEqual([4, 4, 1]);
    await expect(enforceLimits(database.db, [limit("twice"), limit("twice")], now)).rejects.toThrow('rate limit key "twice" is given twice');
  });

  it("gives back a hit (a successful sign-in), and purges finished windows", async () => {
    const now = new Date("2030-01-04T00:00:00Z");
    for (let i = 0; i < 3; i++) await enforceLimits(database.db, [limit("refund")], now);
    await refundHit(database.db, "refund", now);
    expect(await outcome(enforceLimits(database.db, [limit("refund")], now))).toBe("ok");
    await purgeExpiredCounters(database.db, new Date("2030-01-04T00:01:01Z"));
    expect(await database.db.select().from(rateLimitCounters).where(eq(rateLimitCounters.key, "refund"))).toEqual([]);
    expect(await database.db.select().from(rateLimitCounters).where(eq(rateLimitCounters.key, "burst"))).toEqual([]);
  });
});

describe("clientAddress", () => {
  const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});
  it("trusts X-Forwarded-For only behind the configured proxies, counting from the right", () => {
    expect(clientAddress(h("198.51.100.9"), 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(h("6.6.6.6, 198.51.100.9"), 1)).toBe("198.51.100.9");
    expect(clientAddress(h("6.6.6.6, 198.51.100.9, 10.0.0.2"), 2)).toBe("198.51.100.9");
    expect(clientAddress(h(), 1)).toBe(UNKNOWN_ADDRESS);
  });

  it("counts an IPv6 client by its /64", () => {
    expect(clientAddress(h("2001:db8:1:2:aaaa::1"), 1)).toBe("2001:db8:1:2::/64");
    expect(clientAddress(h("2001:DB8:1:2:bbbb:cccc:dddd:eeee"), 1)).toBe("2001:db8:1:2::/64");
    expect(clientAddress(h("2001:db8::1"), 1)).toBe("2001:db8:0:0::/64");
  });
});

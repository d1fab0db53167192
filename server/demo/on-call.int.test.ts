import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { memberships, onCallShifts, organizations, users } from "@/db/schema";
import { createTestDatabase } from "@/server/test/db";
import { ensureDemoOnCall } from "./on-call";

let database: Database;
let orgId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const [org] = await database.db.insert(organizations).values({ name: "Demo", slug: "demo-hospital", kind: "hospital" }).returning();
  const [user] = await database.db.insert(users).values({ email: "oncall@fenshen.demo", name: "On call" }).returning();
  await database.db.insert(memberships).values({ orgId: org!.id, userId: user!.id, role: "on_call" });
  orgId = org!.id;
});

afterAll(async () => {
  await database.close();
});

it("keeps the demo on-call member on call now, adding a shift only when none covers the moment", async () => {
  const now = new Date("2026-11-22T15:00:00Z");
  await ensureDemoOnCall(database.db, "demo-hospital", now);
  await ensureDemoOnCall(database.db, "demo-hospital", new Date(now.getTime() + 86_400_000));
  let shifts = await database.db.select().from(onCallShifts).where(eq(onCallShifts.orgId, orgId));
  expect(shifts).toHaveLength(1);
  expect(shifts[0]!.startsAt <= now && shifts[0]!.endsAt > now).toBe(true);

  const later = new Date(now.getTime() + 20 * 86_400_000);
  await ensureDemoOnCall(database.db, "demo-hospital", later);
  shifts = await database.db.select().from(onCallShifts).where(eq(onCallShifts.orgId, orgId));
  expect(shifts).toHaveLength(2);
  expect(shifts.some((s) => s.startsAt <= later && s.endsAt > later)).toBe(true);
  // Another organization's slug adds nothing.
  await ensureDemoOnCall(database.db, "no-such-hospital", later);
  expect(await database.db.select().from(onCallShifts)).toHaveLength(2);
});

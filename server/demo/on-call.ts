import { and, eq, gt, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, onCallShifts, organizations, users } from "@/db/schema";

const DEMO_ON_CALL_EMAIL = "oncall@fenshen.demo";
const FORTNIGHT_MS = 14 * 86_400_000;

/**
 * Keeps the demo hospital's on-call member on call now (a two-week shift for the whole organization,
 * renewed at start), so a newcomer sees who a crisis reaches.
 */
export async function ensureDemoOnCall(db: Db, orgSlug: string, now = new Date()): Promise<void> {
  const [member] = await db
    .select({ userId: users.id, orgId: organizations.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organizations, and(eq(organizations.id, memberships.orgId), eq(organizations.slug, orgSlug)))
    .where(eq(users.email, DEMO_ON_CALL_EMAIL));
  if (!member) return;
  const [current] = await db
    .select({ id: onCallShifts.id })
    .from(onCallShifts)
    .where(and(eq(onCallShifts.orgId, member.orgId), eq(onCallShifts.userId, member.userId), lte(onCallShifts.startsAt, now), gt(onCallShifts.endsAt, now)));
  if (current) return;
  const start = new Date(now);
  start.setUTCHours(0, 0, 0, 0);
  await db.insert(onCallShifts).values({ orgId: member.orgId, userId: member.userId, departmentId: null, startsAt: start, endsAt: new Date(start.getTime() + FORTNIGHT_MS) });
}

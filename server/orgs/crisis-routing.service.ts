import "server-only";
import { and, asc, eq, gt, isNull, lt, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departmentCrisisRoutes, departments, memberships, onCallShifts, users } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { AppError } from "@/server/lib/errors";
import type { TDepartmentRouteInput, TOnCallShiftInput } from "./crisis-routing.schema";
import { secretToStore } from "./crisis-settings.service";

/** Each department with its own crisis targets (empty fields fall back to the organization's). Secrets are never read back. */
export async function listDepartmentRoutes(db: Db, actor: Principal<"staff">) {
  assertCan(actor, "org.manage");
  const rows = await db
    .select({ id: departments.id, name: departments.name, route: departmentCrisisRoutes })
    .from(departments)
    .leftJoin(departmentCrisisRoutes, eq(departmentCrisisRoutes.departmentId, departments.id))
    .where(eq(departments.orgId, actor.orgId))
    .orderBy(asc(departments.name));
  return rows.map(({ id, name, route }) => ({
    departmentId: id,
    name,
    webhookKind: route?.webhookKind ?? "webhook",
    webhookUrl: route?.webhookUrl ?? "",
    hasWebhookSecret: Boolean(route?.webhookSecret),
    notifyEmail: route?.notifyEmail ?? "",
    responseTargetMinutes: route?.responseTargetMinutes ?? null,
  }));
}

async function departmentOrThrow(db: Db, actor: Principal<"staff">, unverifiedDepartmentId: string) {
  const [department] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, unverifiedDepartmentId), eq(departments.orgId, actor.orgId)));
  if (!department) throw new AppError("not_found", "No such department in your organization.");
  return department;
}

export async function updateDepartmentRoute(db: Db, actor: Principal<"staff">, input: TDepartmentRouteInput) {
  assertCan(actor, "org.manage");
  const department = await departmentOrThrow(db, actor, input.departmentId);
  const [saved] = await db
    .select({ kind: departmentCrisisRoutes.webhookKind, secret: departmentCrisisRoutes.webhookSecret })
    .from(departmentCrisisRoutes)
    .where(eq(departmentCrisisRoutes.departmentId, department.id));
  const values = {
    webhookKind: input.webhookKind,
    webhookUrl: input.webhookUrl || null,
    webhookSecret: secretToStore(saved, input),
    notifyEmail: input.notifyEmail || null,
    responseTargetMinutes: input.responseTargetMinutes,
    updatedAt: new Date(),
  };
  await db
    .insert(departmentCrisisRoutes)
    .values({ departmentId: department.id, orgId: actor.orgId, ...values })
    .onConflictDoUpdate({ target: departmentCrisisRoutes.departmentId, set: values });
  return (await listDepartmentRoutes(db, actor)).find((r) => r.departmentId === department.id)!;
}

const shiftColumns = {
  id: onCallShifts.id,
  userId: onCallShifts.userId,
  name: users.name,
  email: users.email,
  departmentId: onCallShifts.departmentId,
  departmentName: departments.name,
  startsAt: onCallShifts.startsAt,
  endsAt: onCallShifts.endsAt,
};

/** Shifts overlapping a range; every member may see who is on call. */
export async function listOnCallShifts(db: Db, actor: Principal<"staff">, range: { from: Date; to: Date }) {
  return db
    .select(shiftColumns)
    .from(onCallShifts)
    .innerJoin(users, eq(users.id, onCallShifts.userId))
    .leftJoin(departments, eq(departments.id, onCallShifts.departmentId))
    .where(and(eq(onCallShifts.orgId, actor.orgId), lt(onCallShifts.startsAt, range.to), gt(onCallShifts.endsAt, range.from)))
    .orderBy(asc(onCallShifts.startsAt))
    .limit(500);
}

/** Who is on call right now (members only: a removed member's shifts no longer count). */
export async function onCallNow(db: Db, actor: Principal<"staff">, now = new Date()) {
  return db
    .select(shiftColumns)
    .from(onCallShifts)
    .innerJoin(users, eq(users.id, onCallShifts.userId))
    .innerJoin(memberships, and(eq(memberships.orgId, onCallShifts.orgId), eq(memberships.userId, onCallShifts.userId)))
    .leftJoin(departments, eq(departments.id, onCallShifts.departmentId))
    .where(and(eq(onCallShifts.orgId, actor.orgId), lte(onCallShifts.startsAt, now), gt(onCallShifts.endsAt, now)))
    .orderBy(asc(onCallShifts.endsAt));
}

export async function addOnCallShift(db: Db, actor: Principal<"staff">, input: TOnCallShiftInput) {
  assertCan(actor, "org.manage");
  const [member] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, input.userId)));
  if (!member) throw new AppError("not_found", "No such member in your organization.");
  if (input.departmentId) await departmentOrThrow(db, actor, input.departmentId);
  const [overlap] = await db
    .select({ id: onCallShifts.id })
    .from(onCallShifts)
    .where(
      and(
        eq(onCallShifts.orgId, actor.orgId),
        eq(onCallShifts.userId, input.userId),
        input.departmentId ? eq(onCallShifts.departmentId, input.departmentId) : isNull(onCallShifts.departmentId),
        lt(onCallShifts.startsAt, input.endsAt),
        gt(onCallShifts.endsAt, input.startsAt),
      ),
    );
  if (overlap) throw new AppError("conflict", "This member already has a shift for this department at that time.");
  const [shift] = await db.insert(onCallShifts).values({ orgId: actor.orgId, createdBy: actor.userId, ...input }).returning();
  return shift!;
}

export async function removeOnCallShift(db: Db, actor: Principal<"staff">, unverifiedShiftId: string) {
  assertCan(actor, "org.manage");
  const [removed] = await db
    .delete(onCallShifts)
    .where(and(eq(onCallShifts.id, unverifiedShiftId), eq(onCallShifts.orgId, actor.orgId)))
    .returning({ id: onCallShifts.id });
  if (!removed) throw new AppError("not_found", "No such shift in your organization.");
  return removed;
}

export type OnCallShift = Awaited<ReturnType<typeof listOnCallShifts>>[number];

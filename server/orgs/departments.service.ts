import "server-only";
import type { z } from "zod";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { AppError } from "@/server/lib/errors";
import { slugify, withRandomSuffix } from "@/server/lib/slug";
import { ZDepartmentInput, ZDepartmentUpdate } from "./org.schema";

export async function listDepartments(db: Db, actor: Principal<"staff">) {
  assertCan(actor, "org.read");
  return db.select().from(departments).where(eq(departments.orgId, actor.orgId)).orderBy(asc(departments.createdAt));
}

/** A department of the actor's organization; another organization's id is reported as not found. */
export async function getDepartmentOrThrow(db: Db, actor: Principal<"staff">, unverifiedId: string) {
  const [row] = await db.select().from(departments).where(and(eq(departments.id, unverifiedId), eq(departments.orgId, actor.orgId)));
  if (!row) throw new AppError("not_found", "No such department in your organization.");
  return row;
}

export async function createDepartment(db: Db, actor: Principal<"staff">, input: z.output<typeof ZDepartmentInput>) {
  assertCan(actor, "org.members.manage");
  const { name, description } = input;
  const [row] = await db
    .insert(departments)
    .values({ orgId: actor.orgId, name, description, slug: withRandomSuffix(slugify(name).replace(/^dr-/, "dept-")) })
    .returning();
  return row!;
}

export async function updateDepartment(db: Db, actor: Principal<"staff">, input: z.output<typeof ZDepartmentUpdate>) {
  assertCan(actor, "org.members.manage");
  const { departmentId, name, description } = input;
  await getDepartmentOrThrow(db, actor, departmentId);
  const [row] = await db
    .update(departments)
    .set({ name, description })
    .where(and(eq(departments.id, departmentId), eq(departments.orgId, actor.orgId)))
    .returning();
  return row!;
}

/** Deleting a department keeps its avatars and members: they become organization-wide (set null). */
export async function deleteDepartment(db: Db, actor: Principal<"staff">, unverifiedId: string) {
  assertCan(actor, "org.members.manage");
  await getDepartmentOrThrow(db, actor, unverifiedId);
  await db.delete(departments).where(and(eq(departments.id, unverifiedId), eq(departments.orgId, actor.orgId)));
  return { ok: true as const };
}

import "server-only";
import type { z } from "zod";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, memberships, organizations, users } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { AppError } from "@/server/lib/errors";
import { getDepartmentOrThrow } from "./departments.service";
import { ZMemberUpdate } from "./org.schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export async function listMembers(db: Db, actor: Principal<"staff">) {
  assertCan(actor, "org.members.manage");
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      departmentId: memberships.departmentId,
      departmentName: departments.name,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(departments, eq(departments.id, memberships.departmentId))
    .where(eq(memberships.orgId, actor.orgId))
    .orderBy(asc(memberships.createdAt));
}

/** Locks the organization's admin rows, so two admins demoting each other at once cannot leave none. */
async function adminIds(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "admin")))
    .for("update");
  return rows.map((r) => r.userId);
}

const LAST_ADMIN = "This is the organization's last admin. Make another member an admin first.";

export async function updateMember(db: Db, actor: Principal<"staff">, input: z.output<typeof ZMemberUpdate>) {
  assertCan(actor, "org.members.manage");
  const { userId, role, departmentId } = input;
  if (departmentId) await getDepartmentOrThrow(db, actor, departmentId);
  return db.transaction(async (tx) => {
    const admins = await adminIds(tx, actor.orgId);
    const [member] = await tx.select().from(memberships).where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
    if (!member) throw new AppError("not_found", "No such member in your organization.");
    if (member.role === "admin" && role !== "admin" && admins.length <= 1) throw new AppError("conflict", LAST_ADMIN);
    const [updated] = await tx
      .update(memberships)
      .set({ role, departmentId })
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)))
      .returning();
    return updated!;
  });
}

/** Removes a member; their next request already has no access (the actor is read from the database). */
export async function removeMember(db: Db, actor: Principal<"staff">, userId: string) {
  assertCan(actor, "org.members.manage");
  return db.transaction(async (tx) => {
    const admins = await adminIds(tx, actor.orgId);
    const [member] = await tx.select().from(memberships).where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
    if (!member) throw new AppError("not_found", "No such member in your organization.");
    if (member.role === "admin" && admins.length <= 1) throw new AppError("conflict", LAST_ADMIN);
    await tx.delete(memberships).where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
    return { ok: true as const };
  });
}

export type MyOrganization = Awaited<ReturnType<typeof listMyOrganizations>>[number];

/** Every organization the signed-in user belongs to, for the organization switcher. */
export async function listMyOrganizations(db: Db, actor: Principal<"staff">) {
  return db
    .select({ orgId: organizations.id, name: organizations.name, slug: organizations.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, actor.userId))
    .orderBy(asc(memberships.createdAt));
}

import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { avatars, escalations, messages } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import { AppError } from "@/server/lib/errors";

/** The inbox: every escalation of the organization for admins and on-call members, else those of the actor's avatars. */
export async function listEscalations(db: Db, actor: Actor, filter: { status?: "open" | "acknowledged" | "resolved" } = {}) {
  assertCan(actor, "escalation.read.own");
  const scope = can(actor.role, "escalation.read.any")
    ? eq(escalations.orgId, actor.orgId)
    : and(eq(escalations.orgId, actor.orgId), eq(avatars.ownerId, actor.userId));
  return db
    .select({
      id: escalations.id,
      category: escalations.category,
      level: escalations.level,
      status: escalations.status,
      evidence: escalations.evidence,
      createdAt: escalations.createdAt,
      acknowledgedAt: escalations.acknowledgedAt,
      resolvedAt: escalations.resolvedAt,
      resolutionNote: escalations.resolutionNote,
      conversationId: escalations.conversationId,
      avatarName: avatars.name,
      message: messages.content,
    })
    .from(escalations)
    .innerJoin(avatars, eq(avatars.id, escalations.avatarId))
    .innerJoin(messages, eq(messages.id, escalations.messageId))
    .where(and(scope, filter.status ? eq(escalations.status, filter.status) : undefined))
    .orderBy(desc(escalations.createdAt))
    .limit(200);
}

async function getEscalationOrThrow(db: Db, actor: Actor, unverifiedId: string) {
  assertCan(actor, "escalation.respond");
  const [row] = await db
    .select({ id: escalations.id, status: escalations.status, ownerId: avatars.ownerId })
    .from(escalations)
    .innerJoin(avatars, eq(avatars.id, escalations.avatarId))
    .where(and(eq(escalations.id, unverifiedId), eq(escalations.orgId, actor.orgId)));
  if (!row) throw new AppError("not_found", "No such escalation in your organization.");
  if (!can(actor.role, "escalation.read.any") && row.ownerId !== actor.userId) {
    throw new AppError("forbidden", "This escalation is routed to another doctor.");
  }
  return row;
}

export async function acknowledgeEscalation(db: Db, actor: Actor, unverifiedId: string) {
  const row = await getEscalationOrThrow(db, actor, unverifiedId);
  if (row.status !== "open") throw new AppError("conflict", "This escalation has already been acknowledged.");
  await db
    .update(escalations)
    .set({ status: "acknowledged", acknowledgedAt: new Date(), acknowledgedBy: actor.userId })
    .where(eq(escalations.id, row.id));
  return { id: row.id };
}

export async function resolveEscalation(db: Db, actor: Actor, unverifiedId: string, note: string) {
  const row = await getEscalationOrThrow(db, actor, unverifiedId);
  if (row.status === "resolved") throw new AppError("conflict", "This escalation is already resolved.");
  const now = new Date();
  await db
    .update(escalations)
    .set({
      status: "resolved",
      resolvedAt: now,
      resolvedBy: actor.userId,
      resolutionNote: note,
      ...(row.status === "open" ? { acknowledgedAt: now, acknowledgedBy: actor.userId } : {}),
    })
    .where(eq(escalations.id, row.id));
  return { id: row.id };
}

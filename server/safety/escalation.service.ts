import "server-only";
import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { avatars, conversations, departmentCrisisRoutes, escalations, organizations } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { assertCan } from "@/server/principal/principal";
import { can } from "@/server/principal/permissions";
import { AppError } from "@/server/lib/errors";
import { announceEscalationChange } from "./escalation.events";

/** The inbox: every escalation of the organization for admins and on-call members, else those of the actor's avatars. */
export async function listEscalations(db: Db, actor: Principal<"staff">, filter: { status?: "open" | "acknowledged" | "resolved" } = {}) {
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
      callbackPhone: escalations.callbackPhone,
      callbackRequestedAt: escalations.callbackRequestedAt,
      // The department's own target when it set one, else the organization's.
      responseTargetMinutes: sql<number>`coalesce(${departmentCrisisRoutes.responseTargetMinutes}, ${organizations.responseTargetMinutes})`,
      conversationId: escalations.conversationId,
      avatarName: avatars.name,
      message: escalations.patientMessage,
      // Notifications Fenshen gave up on, with why: the team must not believe the hospital's systems were told.
      failedDeliveries: sql<{ channel: "webhook" | "email" | "oncall"; lastError: string | null }[]>`coalesce((
        select json_agg(json_build_object('channel', n.channel, 'lastError', n.last_error) order by n.channel)
        from notifications n where n.escalation_id = ${escalations.id} and n.status = 'failed'), '[]'::json)`,
    })
    .from(escalations)
    .innerJoin(avatars, eq(avatars.id, escalations.avatarId))
    .innerJoin(organizations, eq(organizations.id, escalations.orgId))
    .leftJoin(departmentCrisisRoutes, eq(departmentCrisisRoutes.departmentId, avatars.departmentId))
    .where(and(scope, filter.status ? eq(escalations.status, filter.status) : undefined))
    .orderBy(desc(escalations.createdAt))
    .limit(200);
}

async function getEscalationOrThrow(db: Db, actor: Principal<"staff">, unverifiedId: string) {
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

export async function acknowledgeEscalation(db: Db, actor: Principal<"staff">, unverifiedId: string) {
  const row = await getEscalationOrThrow(db, actor, unverifiedId);
  if (row.status !== "open") throw new AppError("conflict", "This escalation has already been acknowledged.");
  await db.transaction(async (tx) => {
    await tx.update(escalations).set({ status: "acknowledged", acknowledgedAt: new Date(), acknowledgedBy: actor.userId }).where(eq(escalations.id, row.id));
    await announceEscalationChange(tx, actor.orgId);
  });
  return { id: row.id };
}

export async function resolveEscalation(db: Db, actor: Principal<"staff">, unverifiedId: string, note: string) {
  const row = await getEscalationOrThrow(db, actor, unverifiedId);
  if (row.status === "resolved") throw new AppError("conflict", "This escalation is already resolved.");
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .update(escalations)
      .set({
        status: "resolved",
        resolvedAt: now,
        resolvedBy: actor.userId,
        resolutionNote: note,
        ...(row.status === "open" ? { acknowledgedAt: now, acknowledgedBy: actor.userId } : {}),
      })
      .where(eq(escalations.id, row.id));
    await forgetPatientTextOfClosedEscalations(tx, actor.orgId);
    await announceEscalationChange(tx, actor.orgId);
  });
  return { id: row.id };
}

/**
 * A patient in crisis leaves a number to be called back on: it is attached to the conversation's
 * latest escalation, which only the patient's own session can reach.
 */
export async function requestCallback(db: Db, args: { conversationId: string; sessionHash: string; phone: string }) {
  const [latest] = await db
    .select({ id: escalations.id, orgId: escalations.orgId })
    .from(escalations)
    .innerJoin(conversations, eq(conversations.id, escalations.conversationId))
    .where(and(eq(conversations.id, args.conversationId), eq(conversations.sessionHash, args.sessionHash)))
    .orderBy(desc(escalations.createdAt))
    .limit(1);
  if (!latest) throw new AppError("not_found", "There is no crisis escalation in this conversation to attach a callback to.");
  await db.transaction(async (tx) => {
    await tx.update(escalations).set({ callbackPhone: args.phone, callbackRequestedAt: new Date() }).where(eq(escalations.id, latest.id));
    await announceEscalationChange(tx, latest.orgId);
  });
  return { escalationId: latest.id };
}

/**
 * The patient's words stay with an escalation only while they are needed: once it is resolved and its
 * conversation is gone (deleted by the patient, or purged by the retention rule), they are erased like
 * the conversation's own messages; the record (category, level, who resolved it) stays.
 */
export async function forgetPatientTextOfClosedEscalations(db: Pick<Db, "update">, orgId: string): Promise<void> {
  await db
    .update(escalations)
    .set({ patientMessage: null, evidence: [] })
    .where(and(eq(escalations.orgId, orgId), eq(escalations.status, "resolved"), isNull(escalations.conversationId), isNotNull(escalations.patientMessage)));
}

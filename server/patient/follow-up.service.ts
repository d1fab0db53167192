import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { avatars, followUpRequests, messages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { assertCan } from "@/server/principal/principal";
import { can } from "@/server/principal/permissions";
import { AppError } from "@/server/lib/errors";

export const FOLLOW_UP_STATUSES = ["open", "contacted", "closed"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** The studio's list of "ask a human doctor" requests: the organization's for admins and on-call staff, else the actor's avatars'. */
export async function listFollowUps(db: Db, actor: Principal<"staff">, filter: { status?: FollowUpStatus } = {}) {
  assertCan(actor, "followUp.read.own");
  const scope = can(actor.role, "followUp.read.any")
    ? eq(followUpRequests.orgId, actor.orgId)
    : and(eq(followUpRequests.orgId, actor.orgId), eq(avatars.ownerId, actor.userId));
  const rows = await db
    .select({
      id: followUpRequests.id,
      status: followUpRequests.status,
      contactKind: followUpRequests.contactKind,
      contact: followUpRequests.contact,
      note: followUpRequests.note,
      createdAt: followUpRequests.createdAt,
      handledAt: followUpRequests.handledAt,
      conversationId: followUpRequests.conversationId,
      avatarName: avatars.name,
    })
    .from(followUpRequests)
    .innerJoin(avatars, eq(avatars.id, followUpRequests.avatarId))
    .where(and(scope, filter.status ? eq(followUpRequests.status, filter.status) : undefined))
    .orderBy(desc(followUpRequests.createdAt))
    .limit(200);
  // The patient's latest question gives the doctor the context of the request.
  return Promise.all(
    rows.map(async (row) => {
      const [last] = await db
        .select({ content: messages.content })
        .from(messages)
        .where(and(eq(messages.conversationId, row.conversationId), eq(messages.role, "patient")))
        .orderBy(desc(messages.createdAt))
        .limit(1);
      return { ...row, lastQuestion: last?.content ?? null };
    }),
  );
}

/** Marks a request contacted or closed (or reopens it); another organization's request is not found. */
export async function setFollowUpStatus(db: Db, actor: Principal<"staff">, unverifiedId: string, status: FollowUpStatus) {
  assertCan(actor, "followUp.respond");
  const [row] = await db
    .select({ id: followUpRequests.id, ownerId: avatars.ownerId })
    .from(followUpRequests)
    .innerJoin(avatars, eq(avatars.id, followUpRequests.avatarId))
    .where(and(eq(followUpRequests.id, unverifiedId), eq(followUpRequests.orgId, actor.orgId)));
  if (!row) throw new AppError("not_found", "No such follow-up request in your organization.");
  if (!can(actor.role, "followUp.read.any") && row.ownerId !== actor.userId) {
    throw new AppError("forbidden", "This request was left for another doctor's avatar.");
  }
  const handled = status === "open" ? { handledAt: null, handledBy: null } : { handledAt: new Date(), handledBy: actor.userId };
  const [updated] = await db
    .update(followUpRequests)
    .set({ status, ...handled })
    .where(eq(followUpRequests.id, row.id))
    .returning({ id: followUpRequests.id, status: followUpRequests.status, handledAt: followUpRequests.handledAt });
  return updated!;
}

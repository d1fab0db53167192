import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { avatars, memberships, publishRequests, users } from "@/db/schema";
import { type Actor, assertCan } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import { draftContent, getAvatarOrThrow, publishAvatar } from "@/server/avatars/avatar.service";
import { AppError } from "@/server/lib/errors";
import { governanceFor } from "./governance-settings.service";

/** Where approval is required, publishing goes through a reviewed request instead of the publish button. */
export async function assertDirectPublishAllowed(db: Db, actor: Actor): Promise<void> {
  if ((await governanceFor(db, actor.orgId)).requirePublishApproval) {
    throw new AppError("forbidden", "Your organization requires a reviewer's approval before publishing: request a review instead.");
  }
}

export async function requestPublish(db: Db, actor: Actor, args: { avatarId: string; note: string }) {
  const avatar = await getAvatarOrThrow(db, actor, args.avatarId, "edit");
  const [pending] = await db
    .select({ id: publishRequests.id })
    .from(publishRequests)
    .where(and(eq(publishRequests.avatarId, avatar.id), eq(publishRequests.status, "pending")));
  if (pending) throw new AppError("conflict", "A review of this avatar is already pending.");
  // The draft is kept as it is now: the reviewer sees this, and approval publishes this, whatever is edited meanwhile.
  const [request] = await db
    .insert(publishRequests)
    .values({ orgId: actor.orgId, avatarId: avatar.id, requestedBy: actor.userId, note: args.note, ...(await draftContent(db, avatar)) })
    .returning();
  return request!;
}

const requester = alias(users, "requester");
const reviewer = alias(users, "reviewer");

/** Reviewers and admins see every request of the organization; doctors see those for their own avatars. */
export async function listPublishRequests(db: Db, actor: Actor, filter: { status?: "pending" | "approved" | "rejected" | "withdrawn"; avatarId?: string }) {
  const scope = can(actor.role, "publish.review") ? undefined : eq(avatars.ownerId, actor.userId);
  return db
    .select({
      id: publishRequests.id,
      avatarId: publishRequests.avatarId,
      avatarName: avatars.name,
      status: publishRequests.status,
      note: publishRequests.note,
      requestedBy: publishRequests.requestedBy,
      requesterEmail: requester.email,
      requesterName: requester.name,
      reviewerEmail: reviewer.email,
      reviewComment: publishRequests.reviewComment,
      versionId: publishRequests.versionId,
      createdAt: publishRequests.createdAt,
      decidedAt: publishRequests.decidedAt,
    })
    .from(publishRequests)
    .innerJoin(avatars, eq(avatars.id, publishRequests.avatarId))
    .innerJoin(requester, eq(requester.id, publishRequests.requestedBy))
    .leftJoin(reviewer, eq(reviewer.id, publishRequests.reviewerId))
    .where(
      and(
        eq(publishRequests.orgId, actor.orgId),
        scope,
        filter.status ? eq(publishRequests.status, filter.status) : undefined,
        filter.avatarId ? eq(publishRequests.avatarId, filter.avatarId) : undefined,
      ),
    )
    .orderBy(desc(publishRequests.createdAt))
    .limit(200);
}

async function pendingRequestOrThrow(db: Db, actor: Actor, unverifiedRequestId: string) {
  const [request] = await db
    .select()
    .from(publishRequests)
    .where(and(eq(publishRequests.id, unverifiedRequestId), eq(publishRequests.orgId, actor.orgId)));
  if (!request) throw new AppError("not_found", "No such publish request in your organization.");
  if (request.status !== "pending") throw new AppError("conflict", `This request was already ${request.status}.`);
  return request;
}

/**
 * A reviewer approves (publishing, on the requester's behalf, the draft as it was asked for: what the
 * reviewer saw) or rejects with a comment. Nobody reviews their own request: approval means a second pair of eyes.
 */
export async function decidePublishRequest(db: Db, actor: Actor, args: { requestId: string; decision: "approve" | "reject"; comment: string }) {
  assertCan(actor, "publish.review");
  const request = await pendingRequestOrThrow(db, actor, args.requestId);
  if (request.requestedBy === actor.userId) throw new AppError("forbidden", "You cannot review your own publish request.");
  if (args.decision === "reject" && !args.comment) throw new AppError("bad_request", "Say why the request is rejected, so the doctor can fix it.");
  let versionId: string | null = null;
  if (args.decision === "approve") {
    const [membership] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, request.requestedBy)));
    if (!membership) throw new AppError("conflict", "The doctor who asked is no longer a member; reject this request.");
    const { snapshot, protocols, knowledge } = request;
    if (!snapshot || !protocols || !knowledge) throw new AppError("conflict", "This request was made before reviewed drafts were kept; reject it and ask for a new review.");
    const version = await publishAvatar(db, { userId: request.requestedBy, orgId: actor.orgId, role: membership.role }, request.avatarId, {
      content: { snapshot, protocols, knowledge },
      reviewedAt: request.createdAt,
    });
    versionId = version.id;
  }
  const [decided] = await db
    .update(publishRequests)
    .set({ status: args.decision === "approve" ? "approved" : "rejected", reviewerId: actor.userId, reviewComment: args.comment || null, versionId, decidedAt: new Date() })
    .where(and(eq(publishRequests.id, request.id), eq(publishRequests.status, "pending")))
    .returning();
  return decided!;
}

export async function withdrawPublishRequest(db: Db, actor: Actor, unverifiedRequestId: string) {
  const request = await pendingRequestOrThrow(db, actor, unverifiedRequestId);
  if (request.requestedBy !== actor.userId && !can(actor.role, "org.manage")) throw new AppError("forbidden", "Only the doctor who asked (or an admin) can withdraw this request.");
  const [withdrawn] = await db.update(publishRequests).set({ status: "withdrawn", decidedAt: new Date() }).where(eq(publishRequests.id, request.id)).returning();
  return withdrawn!;
}

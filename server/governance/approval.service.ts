import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { avatars, publishRequests, users } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { can } from "@/server/principal/permissions";
import { AppError } from "@/server/lib/errors";

const requester = alias(users, "requester");
const reviewer = alias(users, "reviewer");

/** Reviewers and admins see every request of the organization; doctors see those for their own avatars. */
export async function listPublishRequests(db: Db, actor: Principal<"staff">, filter: { status?: "pending" | "approved" | "rejected" | "withdrawn"; avatarId?: string }) {
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

/** A pending publish request of the actor's organization (decided ones cannot be decided again). */
export async function pendingRequestOrThrow(db: Db, actor: Principal<"staff">, unverifiedRequestId: string) {
  const [request] = await db
    .select()
    .from(publishRequests)
    .where(and(eq(publishRequests.id, unverifiedRequestId), eq(publishRequests.orgId, actor.orgId)));
  if (!request) throw new AppError("not_found", "No such publish request in your organization.");
  if (request.status !== "pending") throw new AppError("conflict", `This request was already ${request.status}.`);
  return request;
}

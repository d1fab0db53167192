/**
 * Publishing: the one place that decides whether a version may reach patients and writes it. It sits
 * above avatars (profiles, drafts, version rows), the simulation gate and governance (the organization's
 * rules, publish requests), and owns their rules: the direct publish, the rollback, the review request
 * and the reviewer's decision. Routers call these and check nothing themselves. Every publish runs the
 * avatar's test questions first (and, where the organization requires it, needs them all to pass). A version pins the
 * passages it serves, its shared corpora's included (server/knowledge/pins.ts): a change in the draft
 * or in a shared corpus reaches patients only through the next publish, reviewed where that is required.
 */
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { avatars, avatarVersions, documents, memberships, type PassagePin, publishRequests, type VersionDocument } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { can } from "@/server/principal/permissions";
import { type AvatarRow, type DraftContent, draftContent, getAvatarOrThrow } from "@/server/avatars/avatar.service";
import { insertVersion, type Tx } from "@/server/avatars/version-content";
import { getVersionOrThrow, restoreDraft } from "@/server/avatars/version.service";
import { pendingRequestOrThrow } from "@/server/governance/approval.service";
import { governanceFor } from "@/server/governance/governance-settings.service";
import { getEmbedder } from "@/server/knowledge/embed";
import { currentPins, dropUnpinnedGenerations } from "@/server/knowledge/pins";
import { runAvatarTestQuestions } from "@/server/knowledge/test-questions.service";
import { AppError } from "@/server/lib/errors";
import { assertPublishGate, recordVersionScorecard } from "@/server/simulation/gate.service";

/** The organization's publishing rule, as every member may know the rule they work under. */
export async function publishRule(db: Db, actor: Principal<"staff">) {
  const { requirePublishApproval, requireTestQuestions } = await governanceFor(db, actor.orgId);
  return { requirePublishApproval, requireTestQuestions };
}

/** Where approval is required, publishing goes through a reviewed request instead of the publish button. */
async function assertDirectPublishAllowed(db: Db, actor: Principal<"staff">): Promise<void> {
  if ((await governanceFor(db, actor.orgId)).requirePublishApproval) {
    throw new AppError("forbidden", "Your organization requires a reviewer's approval before publishing: request a review instead.");
  }
}

/** The doctor's publish button: the draft as it is now becomes the version patients get. */
export async function publishAvatar(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string) {
  await assertDirectPublishAllowed(db, actor);
  return publishVersion(db, actor, unverifiedAvatarId);
}

/**
 * Freezes the current profile into a new immutable version and makes it the one patients get; or, for
 * an approved review, exactly the content that was reviewed (its documents must be unchanged since).
 */
async function publishVersion(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string, reviewed?: { content: DraftContent; pins: PassagePin[] | null; reviewedAt: Date }) {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "edit");
  const [ready] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .where(and(eq(documents.avatarId, avatar.id), eq(documents.status, "ready"), eq(documents.enabled, true)));
  if (!ready?.n) throw new AppError("bad_request", "Add at least one processed document before publishing: the avatar answers only from its materials.");
  await assertPublishGate(db, avatar.id);
  const testRun = await checkTestQuestions(db, avatar, reviewed?.pins ?? undefined);
  const version = await db.transaction(async (tx) => {
    // Persona, protocols and knowledge set are read in the same transaction as the version is written.
    const content = reviewed?.content ?? (await draftContent(tx, avatar));
    if (reviewed) await assertDocumentsUnchanged(tx, avatar.id, content.knowledge);
    // A reviewed request publishes the passages the reviewer's draft served (kept alive while it was pending).
    const pins = reviewed?.pins ?? (await currentPins(tx, { avatarId: avatar.id, documentIds: content.knowledge.map((d) => d.id) }));
    const version = await swapPublished(tx, avatar.id, () =>
      insertVersion(tx, { orgId: actor.orgId, avatarId: avatar.id, publishedBy: actor.userId, ...content, pins, curatedAsOf: reviewed?.reviewedAt }),
    );
    await recordVersionScorecard(tx, { orgId: actor.orgId, avatarId: avatar.id, versionId: version.id });
    return version;
  });
  // The studio warns about questions this publish made fail that passed before.
  return { ...version, testRun };
}

/**
 * Runs the avatar's test questions against what is about to be published (the draft, or a reviewed
 * request's pinned passages); where the organization requires it, every one must pass.
 */
async function checkTestQuestions(db: Db, avatar: AvatarRow, pins: readonly PassagePin[] | undefined) {
  const run = await runAvatarTestQuestions(db, avatar, getEmbedder, { pins });
  if (run.failing.length > 0 && (await governanceFor(db, avatar.orgId)).requireTestQuestions) {
    const named = run.failing.slice(0, 8).map((q) => `“${q.question}”`).join(", ");
    const more = run.failing.length > 8 ? ` and ${run.failing.length - 8} more` : "";
    throw new AppError(
      "conflict",
      `Your organization requires every test question to find what should answer it before publishing; ${run.failing.length} of ${run.total} do not: ${named}${more}. Fix the materials or the questions, then publish again.`,
    );
  }
  return run;
}

/** The documents the avatar's published version or a pending review of it pins. */
async function pinnedDocumentsOf(tx: Tx, avatarId: string): Promise<string[]> {
  const [version] = await tx
    .select({ pins: avatarVersions.pins })
    .from(avatars)
    .innerJoin(avatarVersions, eq(avatarVersions.id, avatars.publishedVersionId))
    .where(eq(avatars.id, avatarId));
  return (version?.pins ?? []).map((p) => p.documentId);
}

/**
 * Publishes (or decides a request) and then lets go of the passages only the previous version or the
 * request held: a replaced document's old generation lives exactly as long as something published pins it.
 */
async function swapPublished<T>(tx: Tx, avatarId: string, write: () => Promise<T>): Promise<T> {
  const before = await pinnedDocumentsOf(tx, avatarId);
  const result = await write();
  await dropUnpinnedGenerations(tx, before);
  return result;
}

/** A reviewed knowledge set is published only as reviewed: a document deleted or replaced since needs a new review. */
async function assertDocumentsUnchanged(tx: Tx, avatarId: string, reviewed: VersionDocument[]) {
  const ids = reviewed.map((d) => d.id);
  const now = ids.length ? await tx.select({ id: documents.id, contentHash: documents.contentHash }).from(documents).where(and(eq(documents.avatarId, avatarId), inArray(documents.id, ids))) : [];
  const hashById = new Map(now.map((d) => [d.id, d.contentHash]));
  const changed = reviewed.filter((d) => hashById.get(d.id) !== d.contentHash);
  if (changed.length > 0) {
    throw new AppError("conflict", `Changed since the review was asked: ${changed.map((d) => d.title).join(", ")}. Reject this request and ask for a new review.`);
  }
}

/**
 * Rolls back to an old version: publishes a NEW version with its content and restores the draft to it
 * (see restoreDraft). A rollback publishes: where publishing needs a review, it does too.
 */
export async function rollbackToVersion(db: Db, actor: Principal<"staff">, input: { avatarId: string; versionId: string }) {
  await assertDirectPublishAllowed(db, actor);
  const avatar = await getAvatarOrThrow(db, actor, input.avatarId, "edit");
  const old = await getVersionOrThrow(db, avatar, input.versionId);
  return db.transaction(async (tx) => {
    const { missing, replaced, ...content } = await restoreDraft(tx, avatar, old);
    // Its documents as they are now (see restoreDraft), pinned like any publish.
    const pins = await currentPins(tx, { avatarId: avatar.id, documentIds: content.knowledge.map((d) => d.id) });
    const version = await swapPublished(tx, avatar.id, () =>
      insertVersion(tx, { orgId: actor.orgId, avatarId: avatar.id, publishedBy: actor.userId, ...content, pins, restoredFrom: old.number }),
    );
    return { version: { id: version.id, number: version.number }, restoredFrom: old.number, missingDocuments: missing, replacedDocuments: replaced };
  });
}

/** Asks a reviewer to publish the draft as it is now (where the organization requires approval, or by choice). */
export async function requestPublish(db: Db, actor: Principal<"staff">, args: { avatarId: string; note: string }) {
  const avatar = await getAvatarOrThrow(db, actor, args.avatarId, "edit");
  const [pending] = await db
    .select({ id: publishRequests.id })
    .from(publishRequests)
    .where(and(eq(publishRequests.avatarId, avatar.id), eq(publishRequests.status, "pending")));
  if (pending) throw new AppError("conflict", "A review of this avatar is already pending.");
  // The draft is kept as it is now, with the passages it serves (shared corpora's included): the reviewer
  // sees this, and approval publishes this, whatever is edited meanwhile.
  return db.transaction(async (tx) => {
    const content = await draftContent(tx, avatar);
    const pins = await currentPins(tx, { avatarId: avatar.id, documentIds: content.knowledge.map((d) => d.id) });
    const [request] = await tx.insert(publishRequests).values({ orgId: actor.orgId, avatarId: avatar.id, requestedBy: actor.userId, note: args.note, ...content, pins }).returning();
    return request!;
  });
}

/**
 * A reviewer approves (publishing, on the requester's behalf, the draft as it was asked for: what the
 * reviewer saw) or rejects with a comment. Nobody reviews their own request: approval means a second pair of eyes.
 */
export async function decidePublishRequest(db: Db, actor: Principal<"staff">, args: { requestId: string; decision: "approve" | "reject"; comment: string }) {
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
    const version = await publishVersion(db, { kind: "staff", userId: request.requestedBy, orgId: actor.orgId, role: membership.role }, request.avatarId, {
      content: { snapshot, protocols, knowledge },
      pins: request.pins,
      reviewedAt: request.createdAt,
    });
    versionId = version.id;
  }
  return closeRequest(db, request, {
    status: args.decision === "approve" ? "approved" : "rejected",
    reviewerId: actor.userId,
    reviewComment: args.comment || null,
    versionId,
  });
}

/** The doctor who asked (or an admin) takes a pending request back. */
export async function withdrawPublishRequest(db: Db, actor: Principal<"staff">, unverifiedRequestId: string) {
  const request = await pendingRequestOrThrow(db, actor, unverifiedRequestId);
  if (request.requestedBy !== actor.userId && !can(actor.role, "org.manage")) throw new AppError("forbidden", "Only the doctor who asked (or an admin) can withdraw this request.");
  return closeRequest(db, request, { status: "withdrawn" });
}

/** Decides a pending request; the passages only it kept alive go. */
async function closeRequest(
  db: Db,
  request: typeof publishRequests.$inferSelect,
  decision: Pick<typeof publishRequests.$inferInsert, "status" | "reviewerId" | "reviewComment" | "versionId">,
) {
  return db.transaction(async (tx) => {
    const [closed] = await tx
      .update(publishRequests)
      .set({ ...decision, decidedAt: new Date() })
      .where(and(eq(publishRequests.id, request.id), eq(publishRequests.status, "pending")))
      .returning();
    await dropUnpinnedGenerations(tx, (request.pins ?? []).map((p) => p.documentId));
    return closed!;
  });
}

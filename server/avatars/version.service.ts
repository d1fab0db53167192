import "server-only";
import { and, asc, eq, inArray, isNull, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { avatars, avatarVersions, documents, protocols, publishRequests, users, type VersionDocument, type VersionProtocol } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { AppError } from "@/server/lib/errors";
import { type AvatarRow, type DraftContent, draftContent, getAvatarOrThrow, mayEditAvatar, readSnapshot, snapshotOf } from "./avatar.service";
import { draftKnowledge, draftProtocols, type Tx } from "./version-content";
import { diffVersions, type VersionContent, type VersionDiff } from "./version-diff";

type VersionRow = typeof avatarVersions.$inferSelect;

const contentOf = (v: VersionRow): VersionContent => ({ snapshot: readSnapshot(v.snapshot), protocols: v.protocols, knowledge: v.knowledge });

async function versionsOf(db: Db, avatar: AvatarRow) {
  return db
    .select({ version: avatarVersions, publisherName: users.name, publisherEmail: users.email })
    .from(avatarVersions)
    .leftJoin(users, eq(users.id, avatarVersions.publishedBy))
    .where(and(eq(avatarVersions.avatarId, avatar.id), eq(avatarVersions.orgId, avatar.orgId)))
    .orderBy(asc(avatarVersions.number));
}

/** Counts of what changed, for a list row. */
function summaryOf(diff: VersionDiff) {
  return {
    persona: diff.persona.map((c) => c.field),
    protocolsAdded: diff.protocols.added.length,
    protocolsRemoved: diff.protocols.removed.length,
    protocolsChanged: diff.protocols.changed.length,
    documentsAdded: diff.documents.added.length,
    documentsRemoved: diff.documents.removed.length,
    documentsReplaced: diff.documents.replaced.length,
  };
}

/** The avatar's versions, newest first: number, who published it, when, and what it changed. */
export async function listVersions(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string) {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "read");
  const rows = await versionsOf(db, avatar);
  const draft = await draftContent(db, avatar);
  const latest = rows.at(-1);
  const unpublished = latest ? diffVersions(contentOf(latest.version), draft) : null;
  const versions = rows.map((r, i) => ({
    id: r.version.id,
    number: r.version.number,
    publishedAt: r.version.createdAt,
    publishedBy: r.publisherName || r.publisherEmail || null,
    restoredFrom: r.version.restoredFrom,
    current: r.version.id === avatar.publishedVersionId,
    documentCount: r.version.knowledge?.length ?? null,
    protocolCount: r.version.protocols?.length ?? null,
    changes: i === 0 ? null : summaryOf(diffVersions(contentOf(rows[i - 1]!.version), contentOf(r.version))),
  }));
  return {
    canEdit: await mayEditAvatar(db, actor, avatar.id),
    versions: versions.reverse(),
    /** What the draft changes since the latest version (null: never published). */
    draftChanges: unpublished ? { ...summaryOf(unpublished), changed: unpublished.changed } : null,
  };
}

/** A publish request's draft as it was asked for review (what the reviewer sees and approval publishes). */
async function requestedContent(db: Db, avatar: AvatarRow, unverifiedRequestId: string): Promise<VersionContent> {
  const [request] = await db
    .select({ snapshot: publishRequests.snapshot, protocols: publishRequests.protocols, knowledge: publishRequests.knowledge })
    .from(publishRequests)
    .where(and(eq(publishRequests.id, unverifiedRequestId), eq(publishRequests.avatarId, avatar.id), eq(publishRequests.orgId, avatar.orgId)));
  if (!request) throw new AppError("not_found", "No such publish request for this avatar.");
  if (!request.snapshot) throw new AppError("conflict", "This request was made before reviewed drafts were kept; reject it and ask for a new review.");
  return { snapshot: readSnapshot(request.snapshot), protocols: request.protocols, knowledge: request.knowledge };
}

/**
 * What changed: a version against the one before it, or (without versionId) the draft, or the draft a
 * publish request asked to publish, against the latest version.
 */
export async function diffVersion(db: Db, actor: Principal<"staff">, input: { avatarId: string; versionId?: string; requestId?: string }) {
  const avatar = await getAvatarOrThrow(db, actor, input.avatarId, "read");
  const rows = await versionsOf(db, avatar);
  if (!input.versionId) {
    const latest = rows.at(-1);
    const proposed = input.requestId ? await requestedContent(db, avatar, input.requestId) : await draftContent(db, avatar);
    return { from: latest?.version.number ?? null, to: null, diff: diffVersions(latest ? contentOf(latest.version) : null, proposed) };
  }
  const index = rows.findIndex((r) => r.version.id === input.versionId);
  if (index < 0) throw new AppError("not_found", "No such version of this avatar.");
  const before = index > 0 ? rows[index - 1]!.version : null;
  const version = rows[index]!.version;
  return { from: before?.number ?? null, to: version.number, diff: diffVersions(before ? contentOf(before) : null, contentOf(version)) };
}

/** A version of this avatar (another avatar's or organization's version is not found). */
export async function getVersionOrThrow(db: Db | Tx, avatar: AvatarRow, unverifiedVersionId: string): Promise<VersionRow> {
  const [version] = await db
    .select()
    .from(avatarVersions)
    .where(and(eq(avatarVersions.id, unverifiedVersionId), eq(avatarVersions.avatarId, avatar.id), eq(avatarVersions.orgId, avatar.orgId)));
  if (!version) throw new AppError("not_found", "No such version of this avatar.");
  return version;
}

/** A rollback's draft: the old version's content as restored, and its documents that are gone or changed since. */
export interface RestoredDraft extends DraftContent {
  missing: VersionDocument[];
  replaced: VersionDocument[];
}

/**
 * Restores the draft to an old version (call inside the rollback's transaction): persona, protocols,
 * and the documents enabled. Documents deleted since cannot come back: they are left out and reported;
 * documents replaced since serve their current content.
 */
export async function restoreDraft(tx: Tx, avatar: AvatarRow, old: VersionRow): Promise<RestoredDraft> {
  const { photoUpdatedAt: _photo, ...persona } = readSnapshot(old.snapshot);
  // The photo is not versioned: the current one stays, and the new version names it.
  const [restored] = await tx
    .update(avatars)
    .set({ ...persona, updatedAt: new Date() })
    .where(and(eq(avatars.id, avatar.id), eq(avatars.orgId, avatar.orgId)))
    .returning();

  let restoredProtocols: VersionProtocol[] = await draftProtocols(tx, avatar.id);
  if (old.protocols) {
    await tx.delete(protocols).where(eq(protocols.avatarId, avatar.id));
    if (old.protocols.length > 0) {
      await tx.insert(protocols).values(old.protocols.map((p) => ({ ...(p as unknown as typeof protocols.$inferInsert), orgId: avatar.orgId, avatarId: avatar.id })));
    }
    restoredProtocols = old.protocols;
  }

  let knowledge: VersionDocument[] = await draftKnowledge(tx, avatar.id);
  let missing: VersionDocument[] = [];
  let replaced: VersionDocument[] = [];
  if (old.knowledge) {
    const oldIds = old.knowledge.map((d) => d.id);
    const existing = oldIds.length
      ? await tx
          .select({ id: documents.id, title: documents.title, contentHash: documents.contentHash })
          .from(documents)
          .where(and(eq(documents.avatarId, avatar.id), inArray(documents.id, oldIds)))
      : [];
    const byId = new Map(existing.map((d) => [d.id, d]));
    missing = old.knowledge.filter((d) => !byId.has(d.id));
    replaced = old.knowledge.filter((d) => byId.has(d.id) && byId.get(d.id)!.contentHash !== d.contentHash);
    const keep = existing.map((d) => d.id);
    if (keep.length > 0) await tx.update(documents).set({ enabled: true, updatedAt: new Date() }).where(and(eq(documents.avatarId, avatar.id), inArray(documents.id, keep)));
    await tx
      .update(documents)
      .set({ enabled: false, updatedAt: new Date() })
      .where(and(eq(documents.avatarId, avatar.id), isNull(documents.replacesDocumentId), eq(documents.enabled, true), keep.length ? notInArray(documents.id, keep) : undefined));
    // The new version holds what serves now: the old set's documents that still exist, as they are now.
    knowledge = old.knowledge.filter((d) => byId.has(d.id)).map((d) => byId.get(d.id)!);
  }
  return { snapshot: snapshotOf(restored!), protocols: restoredProtocols, knowledge, missing, replaced };
}

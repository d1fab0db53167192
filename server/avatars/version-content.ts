/**
 * What a version freezes besides the persona: the draft's consultation protocols and its knowledge set
 * (the enabled documents, by id, title and content hash), and the one place a version row is written;
 * also which of the avatar's photos versions and reviews still name.
 */
import { and, asc, desc, eq, isNull, or, type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { avatarPhotos, type AvatarSnapshot, avatars, avatarVersions, documents, type PassagePin, protocols, publishRequests, type VersionDocument, type VersionProtocol } from "@/db/schema";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** The draft's protocols as a version stores them: every column but ownership and timestamps. */
export async function draftProtocols(db: Db | Tx, avatarId: string): Promise<VersionProtocol[]> {
  const rows = await db.select().from(protocols).where(eq(protocols.avatarId, avatarId)).orderBy(asc(protocols.position), asc(protocols.createdAt));
  return rows.map(({ orgId: _org, avatarId: _avatar, createdAt: _created, updatedAt: _updated, ...content }) => content);
}

/**
 * The documents patients' retrieval may use: enabled, serving passages (ready, or re-indexing after a
 * successful run), never a pending replacement (it is swapped into its original, which keeps the id).
 */
export async function draftKnowledge(db: Db | Tx, avatarId: string): Promise<VersionDocument[]> {
  return db
    .select({ id: documents.id, title: documents.title, contentHash: documents.contentHash })
    .from(documents)
    .where(
      and(
        eq(documents.avatarId, avatarId),
        eq(documents.enabled, true),
        isNull(documents.replacesDocumentId),
        or(eq(documents.status, "ready"), and(sql`${documents.status} <> 'failed'`, sql`${documents.passageCount} > 0`)),
      ),
    )
    .orderBy(asc(documents.createdAt), asc(documents.id));
}

export interface NewVersion {
  orgId: string;
  avatarId: string;
  publishedBy: string;
  snapshot: AvatarSnapshot;
  protocols: VersionProtocol[];
  knowledge: VersionDocument[];
  /** The passages it serves (server/knowledge/pins.ts). */
  pins: PassagePin[];
  /** A rollback: the number of the version it repeats. */
  restoredFrom?: number;
  /** An approved review: the time the reviewed content was asked for (see avatarVersions.curatedAsOf). */
  curatedAsOf?: Date;
}

/** Inserts the next version and makes it the one patients get (call inside a transaction). */
export async function insertVersion(tx: Tx, v: NewVersion) {
  // Lock the avatar row so two concurrent publishes cannot take the same version number.
  await tx.execute(sql`select id from ${avatars} where ${avatars.id} = ${v.avatarId} for update`);
  const [last] = await tx
    .select({ number: avatarVersions.number })
    .from(avatarVersions)
    .where(eq(avatarVersions.avatarId, v.avatarId))
    .orderBy(desc(avatarVersions.number))
    .limit(1);
  const [version] = await tx
    .insert(avatarVersions)
    .values({
      orgId: v.orgId,
      avatarId: v.avatarId,
      number: (last?.number ?? 0) + 1,
      snapshot: v.snapshot,
      protocols: v.protocols,
      knowledge: v.knowledge,
      pins: v.pins,
      restoredFrom: v.restoredFrom ?? null,
      curatedAsOf: v.curatedAsOf ?? null,
      publishedBy: v.publishedBy,
    })
    .returning();
  await tx.update(avatars).set({ publishedVersionId: version!.id }).where(eq(avatars.id, v.avatarId));
  await dropUnusedPhotos(tx, v.avatarId);
  return version!;
}

/** The photo a snapshot names (avatar_photos.updated_at). */
export const photoOf = (snapshot: SQLWrapper) => sql`(${snapshot} ->> 'photoUpdatedAt')::timestamptz`;

/** Deletes the avatar's photos that neither the draft, the published version nor a pending review names. */
export async function dropUnusedPhotos(tx: Tx, avatarId: string): Promise<void> {
  await tx.execute(sql`
    delete from ${avatarPhotos} p
    where p.avatar_id = ${avatarId}
      and p.updated_at is distinct from (select photo_updated_at from ${avatars} where id = ${avatarId})
      and p.updated_at is distinct from (
        select ${photoOf(sql`v.snapshot`)} from ${avatars} a join ${avatarVersions} v on v.id = a.published_version_id where a.id = ${avatarId})
      and not exists (
        select 1 from ${publishRequests} r
        where r.avatar_id = ${avatarId} and r.status = 'pending' and ${photoOf(sql`r.snapshot`)} = p.updated_at)`);
}

import { and, desc, eq, ilike, isNotNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type AvatarSnapshot, avatars, avatarVersions, documents, organizations } from "@/db/schema";
import { type Actor, assertCan } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import { AppError } from "@/server/lib/errors";
import { slugify, withRandomSuffix } from "@/server/lib/slug";
import { type TAvatarProfile, ZAvatarProfile } from "./avatar.schema";

export type AvatarRow = typeof avatars.$inferSelect;

/** Avatars the actor may see in their organization: all of them for admins and reviewers, else their own. */
export async function listAvatars(db: Db, actor: Actor) {
  const scope = can(actor.role, "avatar.read.any")
    ? eq(avatars.orgId, actor.orgId)
    : and(eq(avatars.orgId, actor.orgId), eq(avatars.ownerId, actor.userId));
  return db.select().from(avatars).where(scope).orderBy(desc(avatars.updatedAt));
}

/**
 * An avatar of the actor's organization that the actor may read or edit. Another organization's id
 * is reported as not found, so ids never reveal what exists elsewhere.
 */
export async function getAvatarOrThrow(db: Db, actor: Actor, unverifiedAvatarId: string, mode: "read" | "edit"): Promise<AvatarRow> {
  const [avatar] = await db
    .select()
    .from(avatars)
    .where(and(eq(avatars.id, unverifiedAvatarId), eq(avatars.orgId, actor.orgId)));
  if (!avatar) throw new AppError("not_found", "No such avatar in your organization.");
  const own = avatar.ownerId === actor.userId;
  const allowed =
    mode === "read"
      ? can(actor.role, "avatar.read.any") || (own && can(actor.role, "avatar.edit.own"))
      : can(actor.role, "avatar.edit.any") || (own && can(actor.role, "avatar.edit.own"));
  if (!allowed) throw new AppError("forbidden", "You may not " + (mode === "read" ? "view" : "change") + " this avatar.");
  return avatar;
}

export async function createAvatar(db: Db, actor: Actor, profile: TAvatarProfile): Promise<AvatarRow> {
  assertCan(actor, "avatar.create");
  const values = ZAvatarProfile.parse(profile);
  const [avatar] = await db
    .insert(avatars)
    .values({ ...values, orgId: actor.orgId, ownerId: actor.userId, slug: withRandomSuffix(slugify(values.name)) })
    .returning();
  return avatar!;
}

export async function updateAvatar(db: Db, actor: Actor, unverifiedAvatarId: string, profile: TAvatarProfile): Promise<AvatarRow> {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "edit");
  const values = ZAvatarProfile.parse(profile);
  const [updated] = await db
    .update(avatars)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(avatars.id, avatar.id), eq(avatars.orgId, actor.orgId)))
    .returning();
  return updated!;
}

/** The persona fields patients see, as frozen into a version (and as the draft preview uses them). */
export function snapshotOf(avatar: AvatarRow): AvatarSnapshot {
  const { name, title, specialty, bio, greeting, language, disclaimer, region } = avatar;
  return { name, title, specialty, bio, greeting, language, disclaimer, region };
}

/** Freezes the current profile into a new immutable version and makes it the one patients get. */
export async function publishAvatar(db: Db, actor: Actor, unverifiedAvatarId: string) {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "edit");
  const [ready] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .where(and(eq(documents.avatarId, avatar.id), eq(documents.status, "ready"), eq(documents.enabled, true)));
  if (!ready?.n) throw new AppError("bad_request", "Add at least one processed document before publishing: the avatar answers only from its materials.");
  return db.transaction(async (tx) => {
    // Lock the avatar row so two concurrent publishes cannot take the same version number.
    await tx.execute(sql`select id from ${avatars} where ${avatars.id} = ${avatar.id} for update`);
    const [last] = await tx
      .select({ number: avatarVersions.number })
      .from(avatarVersions)
      .where(eq(avatarVersions.avatarId, avatar.id))
      .orderBy(desc(avatarVersions.number))
      .limit(1);
    const [version] = await tx
      .insert(avatarVersions)
      .values({ orgId: actor.orgId, avatarId: avatar.id, number: (last?.number ?? 0) + 1, snapshot: snapshotOf(avatar), publishedBy: actor.userId })
      .returning();
    await tx.update(avatars).set({ publishedVersionId: version!.id }).where(eq(avatars.id, avatar.id));
    return version!;
  });
}

/** What a patient may see: a published avatar's frozen persona. Unpublished or unknown slugs are not found. */
export async function getPublishedAvatarBySlug(db: Db, slug: string) {
  const [row] = await db
    .select({
      avatarId: avatars.id,
      orgId: avatars.orgId,
      slug: avatars.slug,
      versionId: avatarVersions.id,
      versionNumber: avatarVersions.number,
      snapshot: avatarVersions.snapshot,
      orgName: organizations.name,
    })
    .from(avatars)
    .innerJoin(avatarVersions, eq(avatarVersions.id, avatars.publishedVersionId))
    .innerJoin(organizations, eq(organizations.id, avatars.orgId))
    .where(eq(avatars.slug, slug));
  if (!row) throw new AppError("not_found", "No published avatar at this address.");
  return row;
}

export type PublishedAvatar = Awaited<ReturnType<typeof getPublishedAvatarBySlug>>;

/** The public directory of published avatars, optionally filtered by name or specialty. */
export async function listPublishedAvatars(db: Db, query?: string) {
  const term = query ? `%${query.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await db
    .select({ slug: avatars.slug, snapshot: avatarVersions.snapshot, orgName: organizations.name })
    .from(avatars)
    .innerJoin(avatarVersions, eq(avatarVersions.id, avatars.publishedVersionId))
    .innerJoin(organizations, eq(organizations.id, avatars.orgId))
    .where(
      and(
        isNotNull(avatars.publishedVersionId),
        term
          ? or(
              ilike(sql`${avatarVersions.snapshot}->>'name'`, term),
              ilike(sql`${avatarVersions.snapshot}->>'specialty'`, term),
              ilike(organizations.name, term),
            )
          : undefined,
      ),
    )
    .orderBy(desc(avatarVersions.createdAt))
    .limit(100);
  return rows;
}

import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type AvatarSnapshot, avatars, avatarVersions, organizations, type VersionDocument, type VersionProtocol } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { can } from "@/server/principal/permissions";
import { AppError } from "@/server/lib/errors";
import { slugify, withRandomSuffix } from "@/server/lib/slug";
import type { AvatarProfile } from "./avatar.schema";
import { draftKnowledge, draftProtocols, type Tx } from "./version-content";

export type AvatarRow = typeof avatars.$inferSelect;

/** Avatars the actor may see in their organization: all of them for admins and reviewers, else their own. */
export async function listAvatars(db: Db, actor: Principal<"staff">) {
  const scope = can(actor.role, "avatar.read.any")
    ? eq(avatars.orgId, actor.orgId)
    : and(eq(avatars.orgId, actor.orgId), eq(avatars.ownerId, actor.userId));
  return db.select().from(avatars).where(scope).orderBy(desc(avatars.updatedAt));
}

/**
 * An avatar of the actor's organization that the actor may read or edit. Another organization's id
 * is reported as not found, so ids never reveal what exists elsewhere.
 */
export async function getAvatarOrThrow(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string, mode: "read" | "edit"): Promise<AvatarRow> {
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

/** Whether the actor may change this avatar (so the studio shows or hides its editing actions). */
export function mayEditAvatar(db: Db, actor: Principal<"staff">, avatarId: string): Promise<boolean> {
  return getAvatarOrThrow(db, actor, avatarId, "edit").then(
    () => true,
    () => false,
  );
}

export async function createAvatar(db: Db, actor: Principal<"staff">, values: AvatarProfile): Promise<AvatarRow> {
  assertCan(actor, "avatar.create");
  const [avatar] = await db
    .insert(avatars)
    .values({ ...values, orgId: actor.orgId, ownerId: actor.userId, slug: withRandomSuffix(slugify(values.name)) })
    .returning();
  return avatar!;
}

export async function updateAvatar(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string, values: AvatarProfile): Promise<AvatarRow> {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "edit");
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
  const { hospital, languages, tone, topicsIn, topicsOut, outOfScopeText, suggestedQuestions, answerPolicy, noAnswerText } = avatar;
  return {
    name,
    title,
    specialty,
    bio,
    greeting,
    language,
    disclaimer,
    region,
    hospital,
    languages,
    tone,
    topicsIn,
    topicsOut,
    outOfScopeText,
    suggestedQuestions,
    answerPolicy,
    noAnswerText,
    photoUpdatedAt: avatar.photoUpdatedAt?.toISOString() ?? null,
  };
}

/** A stored snapshot with the fields that versions published before them lack filled with their defaults. */
export function readSnapshot(stored: Partial<AvatarSnapshot> & Pick<AvatarSnapshot, "name" | "language">): AvatarSnapshot {
  return {
    title: "",
    specialty: "",
    bio: "",
    greeting: "",
    disclaimer: "",
    region: "CN",
    hospital: "",
    languages: [],
    tone: "",
    topicsIn: [],
    topicsOut: [],
    outOfScopeText: "",
    suggestedQuestions: [],
    answerPolicy: "materials_only",
    noAnswerText: "",
    photoUpdatedAt: null,
    ...stored,
  };
}

/** What a version freezes, read from the draft as it is now. */
export interface DraftContent {
  snapshot: AvatarSnapshot;
  protocols: VersionProtocol[];
  knowledge: VersionDocument[];
}

export async function draftContent(db: Db | Tx, avatar: AvatarRow): Promise<DraftContent> {
  const [protocols, knowledge] = await Promise.all([draftProtocols(db, avatar.id), draftKnowledge(db, avatar.id)]);
  return { snapshot: snapshotOf(avatar), protocols, knowledge };
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
      knowledge: avatarVersions.knowledge,
      pins: avatarVersions.pins,
      // What curated answers it serves is as of its review, when it had one (see avatarVersions.curatedAsOf).
      publishedAt: sql<Date>`coalesce(${avatarVersions.curatedAsOf}, ${avatarVersions.createdAt})`.mapWith(avatarVersions.createdAt),
    })
    .from(avatars)
    .innerJoin(avatarVersions, eq(avatarVersions.id, avatars.publishedVersionId))
    .innerJoin(organizations, eq(organizations.id, avatars.orgId))
    .where(eq(avatars.slug, slug));
  if (!row) throw new AppError("not_found", "No published avatar at this address.");
  const { knowledge, pins, publishedAt, ...rest } = row;
  // Patients' retrieval is limited to the version's documents (ids only: titles stay in the studio), as pinned.
  return { ...rest, snapshot: readSnapshot(row.snapshot), knowledge: { documentIds: knowledge?.map((d) => d.id) ?? null, pins, publishedAt } };
}

export type PublishedAvatar = Awaited<ReturnType<typeof getPublishedAvatarBySlug>>;


import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { avatarPhotos, avatars, avatarVersions } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { AppError } from "@/server/lib/errors";
import { MAX_PHOTO_BYTES, sniffPhotoType } from "./avatar.schema";
import { getAvatarOrThrow } from "./avatar.service";
import { dropUnusedPhotos, photoOf } from "./version-content";

/** Stores the avatar's photo after checking its size and that its bytes really are PNG, JPEG or WebP. */
export async function setAvatarPhoto(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string, bytes: Uint8Array): Promise<{ updatedAt: Date }> {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "edit");
  if (bytes.length === 0) throw new AppError("bad_request", "The photo is empty.");
  if (bytes.length > MAX_PHOTO_BYTES) throw new AppError("payload_too_large", `The photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB; use a smaller image.`);
  const mime = sniffPhotoType(bytes);
  if (!mime) throw new AppError("bad_request", "The photo must be a PNG, JPEG or WebP image.");
  const updatedAt = new Date();
  await db.transaction(async (tx) => {
    // A new row, not an overwrite: patients keep the published version's photo until the next publish.
    await tx
      .insert(avatarPhotos)
      .values({ avatarId: avatar.id, orgId: avatar.orgId, mime, bytes, size: bytes.length, updatedAt })
      .onConflictDoUpdate({ target: [avatarPhotos.avatarId, avatarPhotos.updatedAt], set: { mime, bytes, size: bytes.length } });
    await tx.update(avatars).set({ photoUpdatedAt: updatedAt, updatedAt }).where(and(eq(avatars.id, avatar.id), eq(avatars.orgId, actor.orgId)));
    await dropUnusedPhotos(tx, avatar.id);
  });
  return { updatedAt };
}

export async function removeAvatarPhoto(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string): Promise<void> {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "edit");
  await db.transaction(async (tx) => {
    await tx.update(avatars).set({ photoUpdatedAt: null, updatedAt: new Date() }).where(eq(avatars.id, avatar.id));
    await dropUnusedPhotos(tx, avatar.id);
  });
}

/** A published avatar's photo as its published version shows it, for anyone; null when that version has none. */
export async function getPublicAvatarPhoto(db: Db, slug: string) {
  const [row] = await db
    .select({ mime: avatarPhotos.mime, bytes: avatarPhotos.bytes, updatedAt: avatarPhotos.updatedAt })
    .from(avatars)
    .innerJoin(avatarVersions, eq(avatarVersions.id, avatars.publishedVersionId))
    .innerJoin(avatarPhotos, and(eq(avatarPhotos.avatarId, avatars.id), eq(avatarPhotos.updatedAt, photoOf(avatarVersions.snapshot))))
    .where(eq(avatars.slug, slug));
  return row ?? null;
}

/** The draft avatar's photo, for members who may read the avatar (the studio shows it before publishing). */
export async function getAvatarPhotoForMember(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string) {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "read");
  if (!avatar.photoUpdatedAt) return null;
  const [row] = await db
    .select({ mime: avatarPhotos.mime, bytes: avatarPhotos.bytes, updatedAt: avatarPhotos.updatedAt })
    .from(avatarPhotos)
    .where(and(eq(avatarPhotos.avatarId, avatar.id), eq(avatarPhotos.updatedAt, avatar.photoUpdatedAt)));
  return row ?? null;
}

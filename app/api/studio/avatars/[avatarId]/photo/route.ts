// /api/studio/avatars/[avatarId]/photo — members see the draft's photo (GET); the doctor uploads one as raw image bytes (PUT) or removes it (DELETE).
import { getCurrentActor } from "@/server/auth/current-actor";
import { MAX_PHOTO_BYTES } from "@/server/avatars/avatar.schema";
import { getAvatarPhotoForMember, removeAvatarPhoto, setAvatarPhoto } from "@/server/avatars/photo.service";
import { getDatabase } from "@/server/db";
import { withRequestIds } from "@/server/http/request-id";
import { AppError, toErrorResponse } from "@/server/lib/errors";
import { readBodyLimited } from "@/server/limits/body";

async function actorOrThrow() {
  const actor = await getCurrentActor();
  if (!actor) throw new AppError("unauthorized", "Sign in to change the avatar's photo.");
  return actor;
}

export const GET = withRequestIds(async (_request: Request, { params }: { params: Promise<{ avatarId: string }> }) => {
  try {
    const actor = await actorOrThrow();
    const { avatarId } = await params;
    const { db } = await getDatabase();
    const photo = await getAvatarPhotoForMember(db, actor, avatarId.slice(0, 64));
    if (!photo) throw new AppError("not_found", "This avatar has no photo.");
    return new Response(Buffer.from(photo.bytes), { headers: { "content-type": photo.mime, "x-content-type-options": "nosniff", "cache-control": "private, max-age=3600" } });
  } catch (e) {
    return toErrorResponse(e);
  }
});

export const PUT = withRequestIds(async (request: Request, { params }: { params: Promise<{ avatarId: string }> }) => {
  try {
    const actor = await actorOrThrow();
    const { avatarId } = await params;
    // Counted while it streams in, declared length or not.
    const bytes = await readBodyLimited(request, MAX_PHOTO_BYTES, `The photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB; use a smaller image.`);
    const { db } = await getDatabase();
    const { updatedAt } = await setAvatarPhoto(db, actor, avatarId.slice(0, 64), bytes);
    return Response.json({ photoUpdatedAt: updatedAt.toISOString() });
  } catch (e) {
    return toErrorResponse(e);
  }
});

export const DELETE = withRequestIds(async (_request: Request, { params }: { params: Promise<{ avatarId: string }> }) => {
  try {
    const actor = await actorOrThrow();
    const { avatarId } = await params;
    const { db } = await getDatabase();
    await removeAvatarPhoto(db, actor, avatarId.slice(0, 64));
    return Response.json({ ok: true });
  } catch (e) {
    return toErrorResponse(e);
  }
});

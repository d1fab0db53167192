import type { Db } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { getAvatarOrThrow } from "@/server/avatars/avatar.service";

/** Whether the actor may change this avatar (so the studio shows or hides its editing actions). */
export function mayEditAvatar(db: Db, actor: Actor, avatarId: string): Promise<boolean> {
  return getAvatarOrThrow(db, actor, avatarId, "edit").then(
    () => true,
    () => false,
  );
}

import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { AvatarWorkspace } from "@/components/studio/avatar-workspace";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getAvatarOrThrow } from "@/server/avatars/avatar.service";
import { getDatabase } from "@/server/db";
import { isAppError } from "@/server/lib/errors";

type Props = { params: Promise<{ avatarId: string }> };

/** The avatar, if this member may see it; anything else is a 404 so ids reveal nothing. */
const loadAvatar = cache(async (avatarId: string) => {
  const actor = await getCurrentActor();
  if (!actor) redirect("/login");
  const { db } = await getDatabase();
  try {
    return await getAvatarOrThrow(db, actor, avatarId, "read");
  } catch (e) {
    if (isAppError(e) && (e.code === "not_found" || e.code === "forbidden")) notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const avatar = await loadAvatar((await params).avatarId);
  return { title: avatar.name };
}

export default async function AvatarPage({ params }: Props) {
  const avatar = await loadAvatar((await params).avatarId);
  return <AvatarWorkspace initialAvatar={avatar} />;
}

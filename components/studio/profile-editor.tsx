"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import type { TAvatarProfile } from "@/server/avatars/avatar.schema";
import type { StudioAvatar } from "./avatar-workspace";
import { AvatarProfileForm } from "./avatar-profile-form";

function profileOf(avatar: StudioAvatar): TAvatarProfile {
  const { name, title, specialty, bio, greeting, language, disclaimer } = avatar;
  // The column is plain text, but only the schema's regions are ever written to it.
  return { name, title, specialty, bio, greeting, language, disclaimer, region: avatar.region as TAvatarProfile["region"] };
}

export function ProfileEditor({ avatar }: { avatar: StudioAvatar }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.avatar.update.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.avatar.get.queryKey({ avatarId: avatar.id }), updated);
        void queryClient.invalidateQueries({ queryKey: trpc.avatar.list.queryKey() });
      },
    }),
  );
  return (
    <AvatarProfileForm
      initial={profileOf(avatar)}
      submitLabel={t("workspace.profile.save")}
      pendingLabel={t("workspace.profile.saving")}
      pending={update.isPending}
      error={update.error?.message ?? null}
      success={update.isSuccess ? t(avatar.publishedVersionId ? "workspace.profile.savedPublished" : "workspace.profile.saved") : null}
      onSubmit={(profile) => update.mutate({ avatarId: avatar.id, profile })}
    />
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import type { StudioAvatar } from "./studio-avatar";
import { AvatarProfileForm, type ProfileFormValues } from "./avatar-profile-form";
import { PhotoEditor } from "./photo-editor";

function profileOf(avatar: StudioAvatar): ProfileFormValues {
  const { name, title, specialty, hospital, bio, greeting, language, languages, disclaimer, tone, topicsIn, topicsOut } = avatar;
  const { outOfScopeText, suggestedQuestions, answerPolicy, noAnswerText } = avatar;
  // The column is plain text, but only the schema's regions are ever written to it.
  const region = avatar.region as ProfileFormValues["region"];
  return { name, title, specialty, hospital, bio, greeting, language, languages, disclaimer, region, tone, topicsIn, topicsOut, outOfScopeText, suggestedQuestions, answerPolicy, noAnswerText };
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
    <div className="flex flex-col gap-6">
      <PhotoEditor avatar={avatar} />
      <AvatarProfileForm
        initial={profileOf(avatar)}
        submitLabel={t("workspace.profile.save")}
        pendingLabel={t("workspace.profile.saving")}
        pending={update.isPending}
        error={update.error?.message ?? null}
        success={update.isSuccess ? t(avatar.publishedVersionId ? "workspace.profile.savedPublished" : "workspace.profile.saved") : null}
        onSubmit={(profile) => update.mutate({ avatarId: avatar.id, profile })}
      />
    </div>
  );
}

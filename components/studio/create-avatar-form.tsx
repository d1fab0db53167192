"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { AvatarProfileForm, EMPTY_PROFILE } from "./avatar-profile-form";

export function CreateAvatarForm() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const create = useMutation(
    trpc.avatar.create.mutationOptions({
      onSuccess: async (avatar) => {
        await queryClient.invalidateQueries({ queryKey: trpc.avatar.list.queryKey() });
        router.push(`/studio/avatars/${avatar.id}`);
      },
    }),
  );
  return (
    <AvatarProfileForm
      initial={EMPTY_PROFILE}
      submitLabel={t("studio.create.submit")}
      pendingLabel={t("studio.create.pending")}
      pending={create.isPending || create.isSuccess}
      error={create.error?.message ?? null}
      onSubmit={(profile) => create.mutate(profile)}
    />
  );
}

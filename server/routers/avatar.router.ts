import { ZAvatarId, ZAvatarProfile, ZUpdateAvatarInput } from "@/server/avatars/avatar.schema";
import { createAvatar, getAvatarOrThrow, listAvatars, updateAvatar } from "@/server/avatars/avatar.service";
import { publishAvatar } from "@/server/publishing/publishing.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const avatarRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listAvatars(ctx.db, ctx.actor)),
  get: protectedProcedure.input(ZAvatarId).query(({ ctx, input }) => getAvatarOrThrow(ctx.db, ctx.actor, input.avatarId, "read")),
  create: protectedProcedure.input(ZAvatarProfile).mutation(({ ctx, input }) => createAvatar(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(ZUpdateAvatarInput).mutation(({ ctx, input }) => updateAvatar(ctx.db, ctx.actor, input.avatarId, input.profile)),
  publish: protectedProcedure.input(ZAvatarId).mutation(({ ctx, input }) => publishAvatar(ctx.db, ctx.actor, input.avatarId)),
});

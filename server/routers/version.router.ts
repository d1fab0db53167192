import { ZAvatarId } from "@/server/avatars/avatar.schema";
import { diffVersion, listVersions } from "@/server/avatars/version.service";
import { ZRollbackInput, ZVersionDiffInput } from "@/server/doctor/doctor.schema";
import { rollbackToVersion } from "@/server/publishing/publishing.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const versionRouter = createTRPCRouter({
  list: protectedProcedure.input(ZAvatarId).query(({ ctx, input }) => listVersions(ctx.db, ctx.actor, input.avatarId)),
  diff: protectedProcedure.input(ZVersionDiffInput).query(({ ctx, input }) => diffVersion(ctx.db, ctx.actor, input)),
  rollback: protectedProcedure.input(ZRollbackInput).mutation(({ ctx, input }) => rollbackToVersion(ctx.db, ctx.actor, input)),
});

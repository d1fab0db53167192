import { ZAvatarId } from "@/server/avatars/avatar.schema";
import { diffVersion, listVersions, rollbackToVersion } from "@/server/avatars/version.service";
import { ZRollbackInput, ZVersionDiffInput } from "@/server/doctor/doctor.schema";
import { assertDirectPublishAllowed } from "@/server/governance/approval.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const versionRouter = createTRPCRouter({
  list: protectedProcedure.input(ZAvatarId).query(({ ctx, input }) => listVersions(ctx.db, ctx.actor, input.avatarId)),
  diff: protectedProcedure.input(ZVersionDiffInput).query(({ ctx, input }) => diffVersion(ctx.db, ctx.actor, input)),
  // A rollback publishes: where publishing needs a review, it does too.
  rollback: protectedProcedure.input(ZRollbackInput).mutation(async ({ ctx, input }) => {
    await assertDirectPublishAllowed(ctx.db, ctx.actor);
    return rollbackToVersion(ctx.db, ctx.actor, input);
  }),
});

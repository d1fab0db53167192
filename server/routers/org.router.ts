import { ZCrisisSettingsInput } from "@/server/orgs/crisis-settings.schema";
import { getCrisisSettings, updateCrisisSettings } from "@/server/orgs/crisis-settings.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const orgRouter = createTRPCRouter({
  crisisSettings: protectedProcedure.query(({ ctx }) => getCrisisSettings(ctx.db, ctx.actor)),
  updateCrisisSettings: protectedProcedure.input(ZCrisisSettingsInput).mutation(({ ctx, input }) => updateCrisisSettings(ctx.db, ctx.actor, input)),
});

import { ZAnalyticsInput } from "@/server/analytics/analytics.schema";
import { getAnalytics } from "@/server/analytics/analytics.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const analyticsRouter = createTRPCRouter({
  get: protectedProcedure.input(ZAnalyticsInput).query(({ ctx, input }) => getAnalytics(ctx.db, ctx.actor, input)),
});

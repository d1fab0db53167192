import { z } from "zod";
import { FOLLOW_UP_STATUSES, listFollowUps, setFollowUpStatus } from "@/server/patient/follow-up.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const followUpRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ status: z.enum(FOLLOW_UP_STATUSES).optional() }).optional())
    .query(({ ctx, input }) => listFollowUps(ctx.db, ctx.actor, input ?? {})),
  setStatus: protectedProcedure
    .input(z.object({ followUpId: z.string().min(1).max(64), status: z.enum(FOLLOW_UP_STATUSES, "Status is open, contacted or closed.") }))
    .mutation(({ ctx, input }) => setFollowUpStatus(ctx.db, ctx.actor, input.followUpId, input.status)),
});

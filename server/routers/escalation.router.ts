import { z } from "zod";
import { acknowledgeEscalation, listEscalations, resolveEscalation } from "@/server/safety/escalation.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

const ZEscalationId = z.object({ escalationId: z.string().min(1).max(64) });

export const escalationRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ status: z.enum(["open", "acknowledged", "resolved"]).optional() }).optional())
    .query(({ ctx, input }) => listEscalations(ctx.db, ctx.actor, input ?? {})),
  acknowledge: protectedProcedure.input(ZEscalationId).mutation(({ ctx, input }) => acknowledgeEscalation(ctx.db, ctx.actor, input.escalationId)),
  resolve: protectedProcedure
    .input(ZEscalationId.extend({ note: z.string().trim().min(1, "Write what was done.").max(2000) }))
    .mutation(({ ctx, input }) => resolveEscalation(ctx.db, ctx.actor, input.escalationId, input.note)),
});

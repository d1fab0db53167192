import { ZAnswerGapInput, ZDismissGapInput, ZGapsInput } from "@/server/doctor/doctor.schema";
import { answerGap, dismissGap, listGaps } from "@/server/doctor/gaps.service";
import { getEmbedder } from "@/server/knowledge/embed";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const gapsRouter = createTRPCRouter({
  list: protectedProcedure.input(ZGapsInput).query(({ ctx, input }) => listGaps(ctx.db, ctx.actor, input)),
  answer: protectedProcedure.input(ZAnswerGapInput).mutation(({ ctx, input }) => answerGap(ctx.db, ctx.actor, input, getEmbedder())),
  dismiss: protectedProcedure.input(ZDismissGapInput).mutation(({ ctx, input }) => dismissGap(ctx.db, ctx.actor, input)),
});

import { getConversationLog, listConversations } from "@/server/doctor/conversation-log.service";
import { ZConversationFilter, ZConversationId } from "@/server/doctor/doctor.schema";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const conversationLogRouter = createTRPCRouter({
  list: protectedProcedure.input(ZConversationFilter).query(({ ctx, input }) => listConversations(ctx.db, ctx.actor, input)),
  get: protectedProcedure.input(ZConversationId).query(({ ctx, input }) => getConversationLog(ctx.db, ctx.actor, input.conversationId)),
});

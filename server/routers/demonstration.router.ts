import {
  deleteDemonstration,
  listDemonstrations,
  saveDemonstration,
  setDemonstrationExample,
  suggestProtocol,
  ZDemonstrationExample,
  ZDemonstrationId,
  ZDemonstrationList,
  ZDemonstrationSave,
} from "@/server/simulation/demonstration.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

/** The doctor's own consultations of virtual patients, saved for an avatar to learn from. */
export const demonstrationRouter = createTRPCRouter({
  list: protectedProcedure.input(ZDemonstrationList).query(({ ctx, input }) => listDemonstrations(ctx.db, ctx.actor, input.avatarId)),
  save: protectedProcedure.input(ZDemonstrationSave).mutation(({ ctx, input }) => saveDemonstration(ctx.db, ctx.actor, input)),
  setExample: protectedProcedure.input(ZDemonstrationExample).mutation(({ ctx, input }) => setDemonstrationExample(ctx.db, ctx.actor, input)),
  delete: protectedProcedure.input(ZDemonstrationId).mutation(({ ctx, input }) => deleteDemonstration(ctx.db, ctx.actor, input.demonstrationId)),
  suggestProtocol: protectedProcedure.input(ZDemonstrationId).mutation(({ ctx, input }) => suggestProtocol(ctx.db, ctx.actor, input.demonstrationId)),
});

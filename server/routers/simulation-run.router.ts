import { ZAvatarId } from "@/server/avatars/avatar.schema";
import { getEmbedder } from "@/server/knowledge/embed";
import { getGateSettings, updateGateSettings, ZGateSettings } from "@/server/simulation/gate.service";
import { getRun, getScorecard, listRuns, listVersionScorecards, rerun, startRuns, ZRunId, ZRunList, ZScorecardInput, ZStartRuns } from "@/server/simulation/run.service";
import { correctMessage, correctRunTurn, listRunCorrections, ZCorrectMessage, ZCorrectRunTurn } from "@/server/simulation/teach.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

/** The avatar consulting virtual patients: runs, scorecards, teaching from a turn, and the publishing gate. */
export const simulationRunRouter = createTRPCRouter({
  start: protectedProcedure.input(ZStartRuns).mutation(async ({ ctx, input }) => {
    const result = await startRuns(ctx.db, ctx.actor, input);
    ctx.wakeWorker();
    return result;
  }),
  rerun: protectedProcedure.input(ZRunId).mutation(async ({ ctx, input }) => {
    const result = await rerun(ctx.db, ctx.actor, input.runId);
    ctx.wakeWorker();
    return result;
  }),
  list: protectedProcedure.input(ZRunList).query(({ ctx, input }) => listRuns(ctx.db, ctx.actor, input)),
  get: protectedProcedure.input(ZRunId).query(({ ctx, input }) => getRun(ctx.db, ctx.actor, input.runId)),
  scorecard: protectedProcedure.input(ZScorecardInput).query(({ ctx, input }) => getScorecard(ctx.db, ctx.actor, input)),
  versionScorecards: protectedProcedure.input(ZAvatarId).query(({ ctx, input }) => listVersionScorecards(ctx.db, ctx.actor, input.avatarId)),
  corrections: protectedProcedure.input(ZRunId).query(({ ctx, input }) => listRunCorrections(ctx.db, ctx.actor, input.runId)),
  correctTurn: protectedProcedure.input(ZCorrectRunTurn).mutation(({ ctx, input }) => correctRunTurn(ctx.db, getEmbedder(), ctx.actor, input)),
  /** Teaching from a real conversation: for the conversation log's CorrectTurnDialog. */
  correctMessage: protectedProcedure.input(ZCorrectMessage).mutation(({ ctx, input }) => correctMessage(ctx.db, getEmbedder(), ctx.actor, input)),
  gate: protectedProcedure.query(({ ctx }) => getGateSettings(ctx.db, ctx.actor)),
  updateGate: protectedProcedure.input(ZGateSettings).mutation(({ ctx, input }) => updateGateSettings(ctx.db, ctx.actor, input)),
});

import { ZCaseImportInput } from "@/server/simulation/case-import";
import { caseCardSchema } from "@/db/schema/case-card";
import {
  addStarterCases,
  createCase,
  deleteCase,
  exportCases,
  getCaseOrThrow,
  importCases,
  listCaseSpecialties,
  listCases,
  setCaseArchived,
  updateCase,
  ZCaseArchive,
  ZCaseExport,
  ZCaseFilter,
  ZCaseId,
  ZCaseSave,
} from "@/server/simulation/case.service";
import { askVirtualPatient, orderResult, startConsult, ZConsultAsk, ZConsultOrder, ZConsultStart } from "@/server/simulation/demonstration.service";
import { getChatModel } from "@/server/llm/model";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

/** Virtual patients: the organization's case library, and the doctor consulting a case in the studio. */
export const casesRouter = createTRPCRouter({
  list: protectedProcedure.input(ZCaseFilter).query(({ ctx, input }) => listCases(ctx.db, ctx.actor, input)),
  specialties: protectedProcedure.query(({ ctx }) => listCaseSpecialties(ctx.db, ctx.actor)),
  get: protectedProcedure.input(ZCaseId).query(({ ctx, input }) => getCaseOrThrow(ctx.db, ctx.actor, input.caseId)),
  create: protectedProcedure.input(caseCardSchema).mutation(({ ctx, input }) => createCase(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(ZCaseSave).mutation(({ ctx, input }) => updateCase(ctx.db, ctx.actor, input.caseId, input.card)),
  archive: protectedProcedure.input(ZCaseArchive).mutation(({ ctx, input }) => setCaseArchived(ctx.db, ctx.actor, input.caseId, input.archived)),
  delete: protectedProcedure.input(ZCaseId).mutation(({ ctx, input }) => deleteCase(ctx.db, ctx.actor, input.caseId)),
  import: protectedProcedure.input(ZCaseImportInput).mutation(({ ctx, input }) => importCases(ctx.db, ctx.actor, input.json)),
  export: protectedProcedure.input(ZCaseExport).query(({ ctx, input }) => exportCases(ctx.db, ctx.actor, input.caseIds)),
  addStarters: protectedProcedure.mutation(({ ctx }) => addStarterCases(ctx.db, ctx.actor)),
  consultStart: protectedProcedure.input(ZConsultStart).query(({ ctx, input }) => startConsult(ctx.db, ctx.actor, input)),
  consultAsk: protectedProcedure
    .input(ZConsultAsk)
    .mutation(({ ctx, input }) => askVirtualPatient(ctx.db, { chatModel: getChatModel() }, ctx.actor, input)),
  consultOrder: protectedProcedure.input(ZConsultOrder).mutation(({ ctx, input }) => orderResult(ctx.db, ctx.actor, input)),
});

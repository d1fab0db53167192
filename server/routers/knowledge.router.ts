import { ZAvatarId } from "@/server/avatars/avatar.schema";
import { ZAddTestQuestion, ZDocumentId, ZPasteDocumentInput, ZSetEnabledInput, ZTestQuestionId, ZTestRetrievalInput, ZUpdateProvenanceInput } from "@/server/knowledge/document.schema";
import { deleteDocument, listDocuments, listPassages, pasteDocument, setDocumentEnabled, updateProvenance } from "@/server/knowledge/document.service";
import { getEmbedder } from "@/server/knowledge/embed";
import { uploadLimits } from "@/server/knowledge/limits";
import { testRetrieval } from "@/server/knowledge/retrieval.service";
import { addTestQuestion, listTestQuestions, removeTestQuestion, runTestQuestions, seedTestQuestionsFromFaq } from "@/server/knowledge/test-questions.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const knowledgeRouter = createTRPCRouter({
  documents: protectedProcedure.input(ZAvatarId).query(({ ctx, input }) => listDocuments(ctx.db, ctx.actor, input.avatarId)),
  passages: protectedProcedure.input(ZDocumentId).query(({ ctx, input }) => listPassages(ctx.db, ctx.actor, input.documentId)),
  paste: protectedProcedure.input(ZPasteDocumentInput).mutation(async ({ ctx, input }) => {
    const result = await pasteDocument(ctx.db, ctx.actor, input, uploadLimits());
    ctx.wakeWorker();
    return result;
  }),
  setEnabled: protectedProcedure
    .input(ZSetEnabledInput)
    .mutation(({ ctx, input }) => setDocumentEnabled(ctx.db, ctx.actor, input.documentId, input.enabled)),
  updateProvenance: protectedProcedure
    .input(ZUpdateProvenanceInput)
    .mutation(({ ctx, input }) => updateProvenance(ctx.db, ctx.actor, input.documentId, input.provenance)),
  delete: protectedProcedure.input(ZDocumentId).mutation(({ ctx, input }) => deleteDocument(ctx.db, ctx.actor, input.documentId)),
  testRetrieval: protectedProcedure.input(ZTestRetrievalInput).query(({ ctx, input }) => testRetrieval(ctx.db, ctx.actor, input, getEmbedder())),
  testQuestions: protectedProcedure.input(ZAvatarId).query(({ ctx, input }) => listTestQuestions(ctx.db, ctx.actor, input.avatarId)),
  addTestQuestion: protectedProcedure.input(ZAddTestQuestion).mutation(({ ctx, input }) => addTestQuestion(ctx.db, ctx.actor, input)),
  removeTestQuestion: protectedProcedure.input(ZTestQuestionId).mutation(({ ctx, input }) => removeTestQuestion(ctx.db, ctx.actor, input)),
  seedTestQuestions: protectedProcedure.input(ZAvatarId).mutation(({ ctx, input }) => seedTestQuestionsFromFaq(ctx.db, ctx.actor, input.avatarId)),
  runTestQuestions: protectedProcedure.input(ZAvatarId).mutation(({ ctx, input }) => runTestQuestions(ctx.db, ctx.actor, input.avatarId, getEmbedder)),
});

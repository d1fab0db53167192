import { ZAvatarId } from "@/server/avatars/avatar.schema";
import { ZDocumentId, ZPasteDocumentInput, ZSetEnabledInput } from "@/server/knowledge/document.schema";
import { deleteDocument, listDocuments, listPassages, pasteDocument, setDocumentEnabled } from "@/server/knowledge/document.service";
import { uploadLimits } from "@/server/knowledge/limits";
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
  delete: protectedProcedure.input(ZDocumentId).mutation(({ ctx, input }) => deleteDocument(ctx.db, ctx.actor, input.documentId)),
});

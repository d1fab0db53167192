import { ZAvatarId } from "@/server/avatars/avatar.schema";
import { ZCorpusId, ZPasteCorpusDocumentInput, ZSetAvatarCorpusInput } from "@/server/knowledge/corpus.schema";
import { listAvatarCorpora, listCorpora, setAvatarCorpus } from "@/server/knowledge/corpus.service";
import { listCorpusDocuments, pasteDocument } from "@/server/knowledge/document.service";
import { uploadLimits } from "@/server/knowledge/limits";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

/** Shared knowledge: the organization's and departments' corpora (their documents' other operations are knowledge.*). */
export const corporaRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listCorpora(ctx.db, ctx.actor)),
  documents: protectedProcedure.input(ZCorpusId).query(({ ctx, input }) => listCorpusDocuments(ctx.db, ctx.actor, input.corpusId)),
  paste: protectedProcedure.input(ZPasteCorpusDocumentInput).mutation(async ({ ctx, input }) => {
    const result = await pasteDocument(ctx.db, ctx.actor, input, uploadLimits());
    ctx.wakeWorker();
    return result;
  }),
  forAvatar: protectedProcedure.input(ZAvatarId).query(({ ctx, input }) => listAvatarCorpora(ctx.db, ctx.actor, input.avatarId)),
  setIncluded: protectedProcedure.input(ZSetAvatarCorpusInput).mutation(({ ctx, input }) => setAvatarCorpus(ctx.db, ctx.actor, input)),
});

import { z } from "zod";
import { ZPasteDocumentInput } from "./document.schema";

const ZId = z.string().min(1).max(64);

export const ZCorpusId = z.object({ corpusId: ZId });
export const ZPasteCorpusDocumentInput = ZPasteDocumentInput.omit({ avatarId: true }).extend({ corpusId: ZId });
export const ZSetAvatarCorpusInput = z.object({ avatarId: ZId, corpusId: ZId, included: z.boolean() });

import { z } from "zod";

export const ZPasteDocumentInput = z.object({
  avatarId: z.string().min(1).max(64),
  title: z.string().trim().min(1, "Give the document a title.").max(200),
  text: z.string().min(1, "Paste some text.").max(2_000_000, "The text is too long to paste; upload it as a file."),
});
export const ZDocumentId = z.object({ documentId: z.string().min(1).max(64) });
export const ZSetEnabledInput = ZDocumentId.extend({ enabled: z.boolean() });

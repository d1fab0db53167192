import { z } from "zod";

export const MAX_MESSAGE_CHARS = 4000;

export const ZChatRequest = z
  .object({
    /** A published avatar, for patients. */
    slug: z.string().min(1).max(100).optional(),
    /** A draft avatar, for the studio preview (members only). */
    previewAvatarId: z.string().min(1).max(64).optional(),
    conversationId: z.string().min(1).max(64).optional(),
    message: z
      .string()
      .trim()
      .min(1, "Type a message first.")
      .max(MAX_MESSAGE_CHARS, `Messages are limited to ${MAX_MESSAGE_CHARS} characters; please shorten yours.`),
  })
  .refine((r) => Boolean(r.slug) !== Boolean(r.previewAvatarId), "Give either slug or previewAvatarId.");
export type TChatRequest = z.infer<typeof ZChatRequest>;

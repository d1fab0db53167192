import { z } from "zod";

const id = (what: string) => z.string().min(1, `Choose a ${what}.`).max(64, `That ${what} id is too long.`);

export const ZVersionDiffInput = z.object({
  avatarId: id("avatar"),
  versionId: id("version").optional(),
  /** A publish request: its draft as asked for review, against the latest version. */
  requestId: id("publish request").optional(),
});
export const ZRollbackInput = z.object({ avatarId: id("avatar"), versionId: id("version") });

export const CONVERSATION_KINDS = ["crisis", "check_in", "answered", "no_answer", "thumbs_down"] as const;

export const ZConversationFilter = z
  .object({
    avatarId: id("avatar"),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    /** A version id, or "preview" for the studio's test chats. */
    version: z.string().min(1).max(64).optional(),
    kind: z.enum(CONVERSATION_KINDS).optional(),
    language: z.enum(["zh", "en"]).optional(),
    q: z.string().trim().max(200, "Search text is limited to 200 characters.").optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date must be before the end date.", path: ["from"] });
export type TConversationFilter = z.infer<typeof ZConversationFilter>;

export const ZConversationId = z.object({ conversationId: id("conversation") });

export const GAP_REASONS = ["no_answer", "low_relevance", "thumbs_down"] as const;
export type GapReason = (typeof GAP_REASONS)[number];

export const ZGapsInput = z.object({ avatarId: id("avatar"), reason: z.enum(GAP_REASONS).optional() });

/** A group of gaps is named by the avatar answers in it. */
const messageIds = z.array(id("message")).min(1, "Choose at least one question.").max(200, "At most 200 questions at once.");

export const ZAnswerGapInput = z.object({
  avatarId: id("avatar"),
  messageIds,
  question: z.string().trim().min(3, "Write the question as patients ask it.").max(500, "The question is limited to 500 characters."),
  answer: z.string().trim().min(10, "Write an answer of at least 10 characters.").max(4000, "The answer is limited to 4,000 characters."),
  /** live: the published version uses it at once; next_version: only once the avatar is published again. */
  apply: z.enum(["live", "next_version"]),
});
export type TAnswerGapInput = z.infer<typeof ZAnswerGapInput>;

export const ZDismissGapInput = z.object({ avatarId: id("avatar"), messageIds });

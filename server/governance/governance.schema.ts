import { z } from "zod";

export const ZGovernanceSettings = z.object({
  requirePublishApproval: z.boolean(),
  /** Publishing needs every test question of the avatar to pass (server/knowledge/test-questions.service.ts). */
  requireTestQuestions: z.boolean().default(false),
  /** Days after the last message before a patient conversation is deleted; null keeps conversations. */
  conversationRetentionDays: z.number().int().min(1, "Keep conversations at least one day.").max(3650, "At most ten years.").nullable(),
});
export type TGovernanceSettings = z.output<typeof ZGovernanceSettings>;

export const ZRequestPublish = z.object({
  avatarId: z.string().min(1).max(100),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").default(""),
});

export const ZPublishRequestId = z.object({ requestId: z.string().min(1).max(100) });

export const ZDecidePublishRequest = z.object({
  requestId: z.string().min(1).max(100),
  decision: z.enum(["approve", "reject"]),
  comment: z.string().trim().max(2000, "Keep the comment under 2,000 characters.").default(""),
});

export const ZListPublishRequests = z
  .object({ status: z.enum(["pending", "approved", "rejected", "withdrawn"]).optional(), avatarId: z.string().max(100).optional() })
  .default({});

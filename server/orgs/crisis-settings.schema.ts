import { ZodError, z } from "zod";
import { getOutboundPolicy, outboundUrlProblem } from "@/server/lib/outbound";
import { CRISIS_LIMITS as L } from "./crisis-settings.limits";

export const ZCrisisSettingsInput = z.object({
  webhookUrl: z.union([z.literal(""), z.url("Enter a full URL, e.g. https://hospital.example/hooks/fenshen.").max(L.webhookUrlMax)]),
  /** Leave empty to keep the current secret. */
  webhookSecret: z.union([z.literal(""), z.string().min(L.webhookSecretMin, `Use a secret of at least ${L.webhookSecretMin} characters.`).max(L.webhookSecretMax)]),
  notifyEmail: z.union([z.literal(""), z.email("Enter a valid e-mail address.")]),
  responseTargetMinutes: z.number().int().min(L.responseTargetMinutesMin).max(L.responseTargetMinutesMax),
  extraHotlines: z
    .array(
      z.object({
        label: z.string().trim().min(1, "Name the line.").max(L.hotlineLabelMax),
        number: z.string().trim().regex(/^\+?[\d\s()-]{3,24}$/, "Enter a phone number using digits, spaces, +, ( ) or -."),
      }),
    )
    .max(L.extraHotlinesMax),
});
export type TCrisisSettingsInput = z.infer<typeof ZCrisisSettingsInput>;

/**
 * Refuses, as a webhookUrl field error, a webhook Fenshen would not send to (plain http, an internal
 * or metadata address; see server/lib/outbound.ts); the issue's `reason` lets the form word it.
 * Services call it after their permission check: resolving names is not for anyone who asks.
 */
export async function assertWebhookTarget(url: string): Promise<void> {
  const problem = url ? await outboundUrlProblem(url, getOutboundPolicy()) : null;
  if (problem) throw new ZodError([{ code: "custom", path: ["webhookUrl"], message: problem.message, params: { reason: problem.reason }, input: url }]);
}

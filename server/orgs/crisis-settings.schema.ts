import { z } from "zod";
import { getOutboundPolicy, outboundUrlProblem } from "@/server/lib/outbound";
import { CRISIS_LIMITS as L } from "./crisis-settings.limits";

/**
 * A crisis webhook, also refused when Fenshen would not send to it (plain http, an internal or
 * metadata address; see server/lib/outbound.ts). The check resolves the name, so parse with
 * parseAsync; the issue's `reason` lets the form word the problem.
 */
const ZWebhookUrl = z
  .union([z.literal(""), z.url("Enter a full URL, e.g. https://hospital.example/hooks/fenshen.").max(L.webhookUrlMax)])
  .superRefine(
    async (url, ctx) => {
      const problem = url ? await outboundUrlProblem(url, getOutboundPolicy()) : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem.message, params: { reason: problem.reason } });
    },
    { when: (payload) => payload.issues.length === 0 },
  );

export const ZCrisisSettingsInput = z.object({
  webhookUrl: ZWebhookUrl,
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


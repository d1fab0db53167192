import { z } from "zod";
import { getOutboundPolicy, outboundUrlProblem } from "@/server/lib/outbound";
import { platformUrlProblem } from "@/server/safety/notify/notifiers";
import { isStandardWebhookSecret } from "@/server/safety/notify/signature";
import { DESTINATION_KINDS, type DestinationKind, CRISIS_LIMITS as L, TAKES_SECRET } from "./crisis-settings.limits";

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

/**
 * The destination as a whole: a chat platform's URL must be that platform's (platformUrlProblem), a
 * `whsec_` secret must be well formed, and WeCom, Slack and Teams take no secret (their key is the URL).
 */
export function refineDestination(value: { webhookKind: DestinationKind; webhookUrl: string; webhookSecret: string }, ctx: z.RefinementCtx): void {
  const problem = value.webhookUrl && URL.canParse(value.webhookUrl) ? platformUrlProblem(value.webhookKind, value.webhookUrl, getOutboundPolicy()) : null;
  if (problem) ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: problem, params: { reason: "platform_host" } });
  if (value.webhookSecret && !TAKES_SECRET.has(value.webhookKind)) {
    ctx.addIssue({ code: "custom", path: ["webhookSecret"], message: "This destination takes no secret: its key is part of the URL.", params: { reason: "no_secret" } });
  } else if (value.webhookSecret.startsWith("whsec_") && !isStandardWebhookSecret(value.webhookSecret)) {
    ctx.addIssue({ code: "custom", path: ["webhookSecret"], message: "A whsec_ secret must be base64 of 24 to 64 bytes.", params: { reason: "whsec" } });
  }
}

/** The fields, for the organization's form and a department's route (crisis-routing.schema.ts). */
export const ZCrisisSettingsFields = z.object({
  /** What the URL is: a generic receiver or a chat platform's robot. */
  webhookKind: z.enum(DESTINATION_KINDS).default("webhook"),
  webhookUrl: ZWebhookUrl,
  /** Leave empty to keep the current secret. */
  webhookSecret: z.union([z.literal(""), z.string().min(L.webhookSecretMin, `Use a secret of at least ${L.webhookSecretMin} characters.`).max(L.webhookSecretMax)]),
  /** Whether alerts carry the patient's words (off: category, level, avatar and waited time only). */
  alertPatientText: z.boolean().default(false),
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

export const ZCrisisSettingsInput = ZCrisisSettingsFields.superRefine(refineDestination);
export type TCrisisSettingsInput = z.infer<typeof ZCrisisSettingsInput>;


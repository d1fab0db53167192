import { z } from "zod";
import type { ProtocolQuestion, RedFlag } from "@/db/schema/protocols";
import { URGENCY_LEVELS } from "@/db/schema/columns";

export const MAX_QUESTIONS = 30;
export const MAX_TRIGGERS = 30;
export const MAX_OPTIONS = 12;
export const MAX_RED_FLAGS = 10;

const phrase = (max: number, what: string) => z.string().trim().min(1, `${what} cannot be empty.`).max(max, `${what} is limited to ${max} characters.`);
const phrases = (maxItems: number, itemMax: number, what: string) =>
  z
    .array(z.string().trim().max(itemMax, `Each ${what} is limited to ${itemMax} characters.`))
    .max(maxItems, `At most ${maxItems} ${what}s.`)
    .default([])
    .transform((items) => [...new Set(items.filter(Boolean))]);

export const ZRedFlag = z.object({
  match: z.discriminatedUnion("type", [
    z.object({ type: z.literal("choice"), option: phrase(100, "The red-flag option") }),
    z.object({ type: z.literal("number"), op: z.enum(["gte", "lte"]), value: z.number().finite() }),
    z.object({ type: z.literal("phrases"), phrases: phrases(20, 100, "red-flag phrase").refine((p) => p.length > 0, "Give at least one red-flag phrase.") }),
  ]),
  action: z.enum(["escalate", "urge_care"]),
  urgency: z.enum(URGENCY_LEVELS).default("emergency"),
  message: z.string().trim().max(500, "A red-flag message is limited to 500 characters.").default(""),
}) satisfies z.ZodType<RedFlag, unknown>;

export const ZProtocolQuestion = z
  .object({
    id: z.string().trim().min(1).max(64),
    text: phrase(500, "A question"),
    kind: z.enum(["text", "choice", "number"]),
    options: z
      .array(z.object({ label: phrase(100, "An option"), aliases: phrases(10, 60, "option alias") }))
      .max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options per question.`)
      .default([]),
    unit: z.string().trim().max(30).default(""),
    unitAliases: phrases(10, 30, "unit spelling"),
    min: z.number().finite().nullable().default(null),
    max: z.number().finite().nullable().default(null),
    redFlags: z.array(ZRedFlag).max(MAX_RED_FLAGS, `At most ${MAX_RED_FLAGS} red flags per question.`).default([]),
  })
  .superRefine((q, ctx) => {
    if (q.kind === "choice" && q.options.length < 2) ctx.addIssue({ code: "custom", message: `The choice question “${q.text}” needs at least two options.`, path: ["options"] });
    if (q.min !== null && q.max !== null && q.min > q.max) ctx.addIssue({ code: "custom", message: `In “${q.text}” the minimum is above the maximum.`, path: ["min"] });
    for (const flag of q.redFlags) {
      if (flag.match.type === "choice" && !q.options.some((o) => o.label === (flag.match as { option: string }).option)) {
        ctx.addIssue({ code: "custom", message: `A red flag of “${q.text}” names an option the question does not have.`, path: ["redFlags"] });
      }
      if (flag.match.type === "number" && q.kind !== "number") ctx.addIssue({ code: "custom", message: `Only number questions can have a number red flag (“${q.text}”).`, path: ["redFlags"] });
    }
  }) satisfies z.ZodType<ProtocolQuestion, unknown>;

export const ZProtocolInput = z
  .object({
    title: phrase(120, "The title"),
    chiefComplaint: phrase(200, "The chief complaint"),
    triggersZh: phrases(MAX_TRIGGERS, 60, "Chinese trigger phrase"),
    triggersEn: phrases(MAX_TRIGGERS, 60, "English trigger phrase"),
    questions: z.array(ZProtocolQuestion).min(1, "Add at least one question.").max(MAX_QUESTIONS, `At most ${MAX_QUESTIONS} questions.`),
    closingAdvice: z.string().trim().max(2000, "The closing advice is limited to 2,000 characters.").default(""),
    closingUrgency: z.enum(URGENCY_LEVELS).default("days"),
    enabled: z.boolean().default(true),
  })
  .refine((p) => p.triggersZh.length + p.triggersEn.length > 0, { message: "Add at least one trigger phrase (Chinese or English).", path: ["triggersEn"] })
  .refine((p) => new Set(p.questions.map((q) => q.id)).size === p.questions.length, { message: "Two questions share an id.", path: ["questions"] });
export type TProtocolInput = z.input<typeof ZProtocolInput>;
/** A protocol once parsed where it arrives (the router, the seed, teaching, a demonstration); the service takes it as it is. */
export type ProtocolInput = z.output<typeof ZProtocolInput>;

const id = z.string().min(1).max(64);
export const ZProtocolId = z.object({ protocolId: id });
export const ZProtocolList = z.object({ avatarId: id });
export const ZProtocolCreate = z.object({ avatarId: id, protocol: ZProtocolInput });
export const ZProtocolUpdate = z.object({ protocolId: id, protocol: ZProtocolInput });
export const ZProtocolSetEnabled = z.object({ protocolId: id, enabled: z.boolean() });

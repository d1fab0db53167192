import { z } from "zod";
import { AppError } from "@/server/lib/errors";

export const MAX_FEEDBACK_COMMENT = 1000;
export const MAX_FOLLOW_UP_NOTE = 1000;

export const ZRateMessage = z.object({
  messageId: z.string().min(1).max(64),
  rating: z.enum(["up", "down"], "Rate the answer up or down."),
  comment: z.string().trim().max(MAX_FEEDBACK_COMMENT, `Comments are limited to ${MAX_FEEDBACK_COMMENT} characters.`).optional(),
});
export type TRateMessage = z.infer<typeof ZRateMessage>;

const PHONE = /^\+?[\d\s()-]{5,24}$/;

/** A phone number or an e-mail address, told apart by the "@"; each checked in its own way. */
export const ZFollowUpContact = z
  .string()
  .trim()
  .min(1, "Leave a phone number or an e-mail address.")
  .max(200, "The contact is limited to 200 characters.")
  .transform((value, ctx) => {
    if (value.includes("@")) {
      if (z.email().safeParse(value).success) return { kind: "email" as const, contact: value.toLowerCase() };
      ctx.addIssue({ code: "custom", message: "Enter a valid e-mail address, like name@example.com." });
      return z.NEVER;
    }
    if (PHONE.test(value) && value.replace(/\D/g, "").length >= 5) return { kind: "phone" as const, contact: value };
    ctx.addIssue({ code: "custom", message: "Enter a phone number (digits, spaces, +, ( ) or -) or an e-mail address." });
    return z.NEVER;
  });

export const ZFollowUpRequest = z.object({
  contact: ZFollowUpContact,
  note: z.string().trim().max(MAX_FOLLOW_UP_NOTE, `Notes are limited to ${MAX_FOLLOW_UP_NOTE} characters.`).optional(),
});
export type TFollowUpRequest = z.input<typeof ZFollowUpRequest>;

export const ZExportFormat = z.enum(["md", "pdf"], "Export as md (Markdown) or pdf.");

/** Parses patient input, turning every problem into one bad_request naming it. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues.map((i) => i.message).join(" "), { cause: parsed.error });
  return parsed.data;
}

import { z } from "zod";

export const ZCrisisSettingsInput = z.object({
  webhookUrl: z.union([z.literal(""), z.url("Enter a full URL, e.g. https://hospital.example/hooks/fenshen.").max(500)]),
  /** Leave empty to keep the current secret. */
  webhookSecret: z.union([z.literal(""), z.string().min(16, "Use a secret of at least 16 characters.").max(200)]),
  notifyEmail: z.union([z.literal(""), z.email("Enter a valid e-mail address.")]),
  responseTargetMinutes: z.number().int().min(1).max(24 * 60),
  extraHotlines: z
    .array(
      z.object({
        label: z.string().trim().min(1, "Name the line.").max(80),
        number: z.string().trim().regex(/^\+?[\d\s()-]{3,24}$/, "Enter a phone number using digits, spaces, +, ( ) or -."),
      }),
    )
    .max(5),
});
export type TCrisisSettingsInput = z.infer<typeof ZCrisisSettingsInput>;

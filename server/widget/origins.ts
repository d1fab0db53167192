import { z } from "zod";

export const WIDGET_LIMITS = { originsMax: 20, originMax: 200, rateMin: 1, rateMax: 600 } as const;

/**
 * The origin (scheme://host[:port]) of a URL or origin string, as browsers send it in Origin and
 * compare it in frame-ancestors; null when it is not an http(s) origin.
 */
export function originOf(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

const ZOrigin = z
  .string()
  .trim()
  .max(WIDGET_LIMITS.originMax, `An origin is at most ${WIDGET_LIMITS.originMax} characters.`)
  .transform((value, ctx) => {
    const origin = originOf(value);
    // An origin names scheme, host and port only: a path would be silently ignored by browsers.
    if (!origin || new URL(value).pathname.replace(/\/$/, "") !== "" || new URL(value).search) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not an origin: write the site's address like https://www.hospital.example (scheme, host and port only).` });
      return z.NEVER;
    }
    return origin;
  });

export const ZWidgetSettingsInput = z.object({
  allowedOrigins: z
    .array(ZOrigin)
    .max(WIDGET_LIMITS.originsMax, `At most ${WIDGET_LIMITS.originsMax} sites may embed the widget.`)
    .transform((list) => [...new Set(list)]),
  rateLimitPerMinute: z
    .number()
    .int("The rate limit is a whole number of messages per minute.")
    .min(WIDGET_LIMITS.rateMin, `The rate limit is at least ${WIDGET_LIMITS.rateMin} message per minute.`)
    .max(WIDGET_LIMITS.rateMax, `The rate limit is at most ${WIDGET_LIMITS.rateMax} messages per minute.`),
});
export type TWidgetSettingsInput = z.input<typeof ZWidgetSettingsInput>;

import type { MessageKey } from "@/server/i18n/messages";

/** "Please wait N seconds/minutes", for a request refused by a rate limit (the server's Retry-After). */
export function rateLimitedMessage(t: (key: MessageKey, vars?: Record<string, number>) => string, seconds: number): string {
  return seconds < 120 ? t("error.rateLimited.seconds", { seconds }) : t("error.rateLimited.minutes", { minutes: Math.ceil(seconds / 60) });
}

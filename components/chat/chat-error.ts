import type { MessageKey } from "@/server/i18n/messages";
import { rateLimitedMessage } from "@/components/i18n/wait";

/**
 * The person-readable reason a turn failed. The transport surfaces a 4xx/5xx body verbatim, and the
 * chat route answers with JSON `{ error: { message } }` (a rate limit adds `retryAfter`, which is said
 * in the reader's language); a network failure has no body at all.
 */
export function chatErrorMessage(error: Error, t: (key: MessageKey, vars?: Record<string, number>) => string): string | null {
  try {
    const body = JSON.parse(error.message) as { error?: { code?: unknown; message?: unknown; retryAfter?: unknown } } | null;
    if (body?.error?.code === "rate_limited" && typeof body.error.retryAfter === "number") return rateLimitedMessage(t, body.error.retryAfter);
    const message = body?.error?.message;
    if (typeof message === "string" && message) return message;
  } catch {
    // Not JSON: a stream error text or a network failure.
  }
  if (error instanceof TypeError || !error.message || error.message.trimStart().startsWith("<")) return null;
  return error.message;
}

import type { MessageKey } from "@/server/i18n/messages";

/** A tRPC failure as the settings forms word it: known cases in the reader's language, else the server's sentence. */
export function orgErrorMessage(error: unknown, t: (key: MessageKey, vars?: Record<string, string | number>) => string, known: Partial<Record<string, MessageKey>> = {}): string {
  const code = (error as { data?: { code?: string } } | null)?.data?.code;
  const key = code ? known[code] : undefined;
  if (key) return t(key);
  const message = error instanceof Error ? error.message : "";
  return message ? t("org.members.failed", { message }) : t("org.error.generic");
}

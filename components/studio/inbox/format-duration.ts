import type { MessageKey } from "@/server/i18n/messages";

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** "45 s", "3 min 12 s", "2 h 5 min", "1 d 4 h": precise while fresh, coarse once long. */
export function formatDuration(ms: number, t: Translate): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const [d, h, m] = [Math.floor(s / 86400), Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60)];
  if (d > 0) return t("duration.days", { d, h });
  if (h > 0) return t("duration.hours", { h, m });
  if (m > 0) return t("duration.minutes", { m, s: s % 60 });
  return t("duration.seconds", { s });
}

import type { Locale } from "@/server/i18n/locales";
import type { MessageKey } from "@/server/i18n/messages";

/** A date and time in the UI's language ("22 Nov 2026, 14:05" / "2026年11月22日 14:05"). */
export function formatWhen(locale: Locale, when: Date | string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(when));
}

const LABELLED = new Set([
  "name",
  "title",
  "specialty",
  "hospital",
  "bio",
  "greeting",
  "language",
  "languages",
  "disclaimer",
  "region",
  "tone",
  "topicsIn",
  "topicsOut",
  "outOfScopeText",
  "suggestedQuestions",
  "answerPolicy",
  "noAnswerText",
  "chiefComplaint",
  "triggersZh",
  "triggersEn",
  "questions",
  "closingAdvice",
  "closingUrgency",
  "enabled",
  "position",
]);

/** A persona or protocol field's name for people; a field the UI does not know keeps its own name. */
export function fieldLabel(t: (key: MessageKey) => string, field: string): string {
  return LABELLED.has(field) ? t(`doctor.field.${field}` as MessageKey) : field;
}

/** A field's value as text: lists joined, empty shown as such. */
export function valueText(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === "") return empty;
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(" · ") : empty;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

import type { MessageKey } from "@/server/i18n/messages";

/** A validation issue, from the browser's own check (with bounds) or from the server (path and code only). */
export interface IssueLike {
  path: readonly PropertyKey[];
  code: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  expected?: string;
}

export interface UiMessage {
  key: MessageKey;
  vars?: Record<string, number>;
}

/**
 * The form field an issue belongs to, as a dotted key ("facts.0.answer"). A bad keyword is shown on
 * its row's keyword field, which holds all of them as one comma-separated text.
 */
export function fieldKeyOf(path: readonly PropertyKey[]): string {
  const parts = path.map((p) => String(p));
  const kw = parts.indexOf("keywords");
  return (kw >= 0 ? parts.slice(0, kw + 1) : parts).join(".") || "(root)";
}

/** The UI's own wording for an issue, so errors read the same in both languages. */
export function messageOf(issue: Omit<IssueLike, "path">): UiMessage {
  const min = Number(issue.minimum ?? 0);
  const max = Number(issue.maximum ?? 0);
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return min <= 1 ? { key: "cases.error.required" } : { key: "cases.error.tooShort", vars: { min } };
      if (issue.origin === "array") return { key: "cases.error.fewItems", vars: { min } };
      if (issue.origin === "number") return { key: "cases.error.numberRange", vars: { min, max: 120 } };
      return { key: "cases.error.required" };
    case "too_big":
      if (issue.origin === "string") return { key: "cases.error.tooLong", vars: { max } };
      if (issue.origin === "array") return { key: "cases.error.manyItems", vars: { max } };
      if (issue.origin === "number") return { key: "cases.error.numberRange", vars: { min: 0, max } };
      return { key: "cases.error.invalid" };
    case "invalid_type":
      return issue.expected === "number" ? { key: "cases.error.number" } : { key: "cases.error.required" };
    case "invalid_value":
    case "invalid_union":
      return { key: "cases.error.choice" };
    default:
      return { key: "cases.error.invalid" };
  }
}

/** One message per field, in the order the issues came (the form's order), first issue wins. */
export function placeCaseIssues(issues: readonly IssueLike[]): Map<string, UiMessage> {
  const placed = new Map<string, UiMessage>();
  for (const issue of issues) {
    const key = fieldKeyOf(issue.path);
    if (!placed.has(key)) placed.set(key, messageOf(issue));
  }
  return placed;
}

import { z } from "zod";
import { type CaseCard, caseCardSchema } from "@/db/schema/case-card";

/** Import and export of case cards as JSON; pure, so the browser checks a file before sending it. */

export const CASE_EXPORT_FORMAT = "fenshen.cases";
/** Most cases one import may hold, and the largest JSON text accepted. */
export const CASE_IMPORT_MAX_CASES = 100;
export const CASE_IMPORT_MAX_CHARS = 2_000_000;

/** The export file: a versioned envelope around the cards. A bare card or an array of cards imports too. */
export interface CaseExport {
  format: typeof CASE_EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  cases: CaseCard[];
}

/** One problem in an imported file, at a readable path such as `cases[2].facts[0].answer`. */
export interface ImportIssue {
  path: string;
  code: string;
  message: string;
  /** Bounds and expected type, for the UI to word the problem in its own language. */
  minimum?: number;
  maximum?: number;
  origin?: string;
  expected?: string;
}

export type ImportResult = { ok: true; cards: CaseCard[] } | { ok: false; issues: ImportIssue[] };

export function exportEnvelope(cards: CaseCard[], now = new Date()): CaseExport {
  return { format: CASE_EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), cases: cards };
}

/** `["facts", 0, "answer"]` → `facts[0].answer`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
}

export function issuesOf(error: z.ZodError, prefix: readonly PropertyKey[] = []): ImportIssue[] {
  return error.issues.map((i) => ({
    path: formatPath([...prefix, ...i.path]) || "(root)",
    code: i.code,
    message: i.message,
    ...("minimum" in i ? { minimum: Number(i.minimum) } : {}),
    ...("maximum" in i ? { maximum: Number(i.maximum) } : {}),
    ...("origin" in i && typeof i.origin === "string" ? { origin: i.origin } : {}),
    ...("expected" in i && typeof i.expected === "string" ? { expected: i.expected } : {}),
  }));
}

/** Parses an import file's text: valid JSON, one card / an array / an export envelope, every card valid. */
export function parseCaseImport(text: string): ImportResult {
  if (text.length > CASE_IMPORT_MAX_CHARS) {
    return { ok: false, issues: [{ path: "(root)", code: "file_too_large", message: `The file is larger than ${CASE_IMPORT_MAX_CHARS} characters.` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: "(root)", code: "invalid_json", message: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const isEnvelope = typeof data === "object" && data !== null && !Array.isArray(data) && "cases" in data;
  const raw: unknown = isEnvelope ? (data as { cases: unknown }).cases : Array.isArray(data) ? data : [data];
  const prefix = isEnvelope ? ["cases"] : Array.isArray(data) ? [] : null;
  if (!Array.isArray(raw)) return { ok: false, issues: [{ path: "cases", code: "invalid_type", message: "Expected an array of cases." }] };
  if (raw.length === 0) return { ok: false, issues: [{ path: prefix ? formatPath(prefix) || "(root)" : "(root)", code: "too_small", message: "The file holds no cases." }] };
  if (raw.length > CASE_IMPORT_MAX_CASES) {
    return { ok: false, issues: [{ path: formatPath(prefix ?? []) || "(root)", code: "too_big", message: `At most ${CASE_IMPORT_MAX_CASES} cases can be imported at once.` }] };
  }
  const cards: CaseCard[] = [];
  const issues: ImportIssue[] = [];
  raw.forEach((item, index) => {
    const parsed = caseCardSchema.safeParse(item);
    if (parsed.success) cards.push(parsed.data);
    // A bare card's paths start at its own fields; a list's at its index.
    else issues.push(...issuesOf(parsed.error, prefix ? [...prefix, index] : []));
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, cards };
}

/** A zod input for the import procedure: the file's text, bounded. */
export const ZCaseImportInput = z.object({ json: z.string().min(1, "Paste or choose a JSON file.").max(CASE_IMPORT_MAX_CHARS) });

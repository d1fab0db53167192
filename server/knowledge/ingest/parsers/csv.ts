import { faqDocument, faqEntriesFromRows } from "./faq";
import { decodeText } from "./text";
import type { FaqEntry, ParsedDocument } from "./types";

const DELIMITERS = [",", ";", "\t"] as const;

/** The delimiter used most often outside quotes on the first line (Excel writes ";" in some locales). */
function detectDelimiter(text: string): string {
  const firstLine: string[] = [];
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "\n" && !quoted) break;
    else if (!quoted) firstLine.push(ch);
  }
  let best: string = ",";
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = firstLine.filter((c) => c === d).length;
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

/** RFC 4180 rows: quoted fields may hold delimiters, newlines and doubled quotes. */
export function parseCsvRows(text: string, delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === "") {
      field = "";
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

export function csvFaqEntries(bytes: Uint8Array): FaqEntry[] {
  return faqEntriesFromRows(parseCsvRows(decodeText(bytes, "CSV")));
}

/** A CSV FAQ sheet: UTF-8 or GB18030 (Excel's default on Chinese Windows). */
export function parseCsv(bytes: Uint8Array): ParsedDocument {
  return faqDocument(csvFaqEntries(bytes));
}

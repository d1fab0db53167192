/**
 * FAQ sheets (CSV, XLSX): a header row names a question column and an answer column, in English or
 * Chinese; every row below is one question/answer pair, kept whole as one curated answer (and as one
 * passage, so retrieval can still quote it when a patient's question is phrased differently).
 */
import { AppError } from "@/server/lib/errors";
import type { UrgencyLevel } from "@/db/schema/columns";
import type { FaqEntry, ParsedDocument } from "./types";

const QUESTION_WORDS = ["question", "questions", "faq", "query", "问题", "提问", "问句", "常见问题", "問題", "提問"];
const ANSWER_WORDS = ["answer", "answers", "reply", "response", "答案", "回答", "答复", "解答", "回复", "答覆", "回覆", "解答内容"];
const URGENCY_WORDS = ["urgency", "triage", "紧急程度", "紧急度", "急迫程度", "就医建议"];
/** Urgency cell values, in English or Chinese, on the doctor's scale. */
const URGENCY_VALUES: Record<string, UrgencyLevel> = {
  self_care: "self_care",
  "self care": "self_care",
  selfcare: "self_care",
  自我护理: "self_care",
  居家护理: "self_care",
  days: "days",
  "within days": "days",
  几天内: "days",
  数天内: "days",
  today: "today",
  今天: "today",
  当天: "today",
  emergency: "emergency",
  急诊: "emergency",
  紧急: "emergency",
};
/** Too short to look for inside a longer header; they count only as the whole header. */
const QUESTION_EXACT = ["q", "问", "問"];
const ANSWER_EXACT = ["a", "答"];

/** How far down the sheet a header row may be (a title row or two above it is common). */
const HEADER_SEARCH_ROWS = 5;
export const MAX_FAQ_ENTRIES = 5_000;

function normalizeHeader(cell: string): string {
  return cell
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-:：.()（）[\]【】#*/]+/g, " ")
    .trim();
}

function matches(cell: string, words: string[], exact: string[]): boolean {
  const header = normalizeHeader(cell);
  if (!header) return false;
  if (exact.includes(header) || words.includes(header)) return true;
  return words.some((word) => (/^[a-z]+$/.test(word) ? new RegExp(`\\b${word}\\b`).test(header) : header.includes(word)));
}

/** The header row's question and answer columns, or null when a row has not both. */
export function findFaqColumns(row: string[]): { question: number; answer: number } | null {
  const question = row.findIndex((c) => matches(c, QUESTION_WORDS, QUESTION_EXACT));
  const answer = row.findIndex((c, i) => i !== question && matches(c, ANSWER_WORDS, ANSWER_EXACT));
  return question >= 0 && answer >= 0 ? { question, answer } : null;
}

/** The optional urgency column of a header row, or -1. */
function findUrgencyColumn(row: string[]): number {
  return row.findIndex((c) => matches(c, URGENCY_WORDS, []));
}

const NO_COLUMNS =
  "No question and answer columns were found. Put “question” and “answer” (or “问题” and “答案”) as column headers in the first row of the sheet.";

/** The pairs of a sheet given as rows of cells; throws a message the doctor can act on. */
export function faqEntriesFromRows(rows: string[][]): FaqEntry[] {
  let header = -1;
  let columns: { question: number; answer: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS) && !columns; i += 1) {
    columns = findFaqColumns(rows[i]!);
    header = i;
  }
  if (!columns) throw new AppError("bad_request", NO_COLUMNS);
  const urgencyColumn = findUrgencyColumn(rows[header]!);
  const entries: FaqEntry[] = [];
  for (const [i, row] of rows.slice(header + 1).entries()) {
    const question = (row[columns.question] ?? "").replace(/\s+/g, " ").trim();
    const answer = (row[columns.answer] ?? "").replace(/\r\n?/g, "\n").trim();
    if (!question || !answer) continue;
    const cell = urgencyColumn >= 0 ? normalizeHeader(row[urgencyColumn] ?? "") : "";
    const urgency = cell ? URGENCY_VALUES[cell] : undefined;
    if (cell && !urgency) {
      throw new AppError("bad_request", `Row ${header + i + 2}: the urgency “${row[urgencyColumn]}” is not one of self_care, days, today, emergency (自我护理, 几天内, 今天, 急诊).`);
    }
    // Checked as rows are taken, so an oversized sheet stops here instead of after building every pair.
    if (entries.length === MAX_FAQ_ENTRIES) {
      throw new AppError("bad_request", `The sheet has more than ${MAX_FAQ_ENTRIES} question/answer pairs; split it into sheets of at most ${MAX_FAQ_ENTRIES}.`);
    }
    entries.push(urgency ? { question, answer, urgency } : { question, answer });
  }
  if (entries.length === 0) {
    throw new AppError("bad_request", "The sheet has question and answer columns but no row with both a question and an answer.");
  }
  return entries;
}

/** Each pair as a "## question" section; spans point at the answers. */
export function faqDocument(entries: FaqEntry[]): ParsedDocument {
  let text = "";
  const spans: { start: number; end: number }[] = [];
  for (const entry of entries) {
    text += `## ${entry.question}\n\n`;
    spans.push({ start: text.length, end: text.length + entry.answer.length });
    text += `${entry.answer}\n\n`;
  }
  return { text, structure: "markdown", faq: { entries, spans } };
}

import type { UrgencyLevel } from "@/db/schema/columns";
import type { OcrPage } from "@/db/schema/knowledge";
/** What every format parser produces: text the chunker reads, plus what only some formats have. */
export interface FaqEntry {
  question: string;
  answer: string;
  /** From an optional urgency column: how urgently care is advised with this answer. */
  urgency?: UrgencyLevel;
}

export interface ParsedDocument {
  /** The text passages are cut from (Markdown-ish for structured formats, so headings carry over). */
  text: string;
  /** How the chunker reads the text. */
  structure: "markdown" | "text";
  /** Character offsets where each page starts (PDF), so passages know their page. */
  pageBreaks?: number[];
  /** Pages read by text recognition (scanned PDF pages, an image), with its confidence. */
  ocrPages?: OcrPage[];
  /** Question/answer pairs of an FAQ sheet, each kept whole as one curated answer. */
  faq?: { entries: FaqEntry[]; spans: { start: number; end: number }[] };
}

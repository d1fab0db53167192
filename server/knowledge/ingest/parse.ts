/**
 * One entry for every format a doctor can upload. `checkDocument` runs the quick checks while the
 * upload request waits (wrong type, empty, not a zip, archive bomb, encrypted, damaged or over-long PDF,
 * an image too large to read, FAQ columns), so most bad files are refused at once with their reason;
 * `parseDocument` does the full work (OCR of scans included) in the background job. Both run in the ingestion worker (ingest-worker.ts), never on the thread
 * that answers patients. Each format lives in parsers/<format>.ts.
 */
import { type ReadingLimits, readingLimits } from "@/server/knowledge/limits";
import { AppError } from "@/server/lib/errors";
import { tooMuchText } from "./parsers/budget";
import { csvFaqEntries, parseCsv } from "./parsers/csv";
import { checkDocx, parseDocx } from "./parsers/docx";
import { parseHtml } from "./parsers/html";
import { checkImage, parseImage } from "./parsers/image";
import { parseMarkdown } from "./parsers/markdown";
import { checkPdf, parsePdf } from "./parsers/pdf";
import { decodeText, parsePlainText } from "./parsers/text";
import type { ParsedDocument } from "./parsers/types";
import { parseXlsx } from "./parsers/xlsx";

export type { FaqEntry, ParsedDocument } from "./parsers/types";

/** "image": a PNG or JPEG of a page, read by OCR. */
export const DOCUMENT_FORMATS = ["markdown", "text", "pdf", "docx", "html", "csv", "xlsx", "image"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  md: "markdown",
  markdown: "markdown",
  txt: "text",
  text: "text",
  pdf: "pdf",
  docx: "docx",
  html: "html",
  htm: "html",
  csv: "csv",
  xlsx: "xlsx",
  png: "image",
  jpg: "image",
  jpeg: "image",
};

/** Formats whose rows are question/answer pairs (each pair becomes a curated answer). */
export const FAQ_FORMATS: ReadonlySet<DocumentFormat> = new Set(["csv", "xlsx"]);

export const ACCEPTED_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION).map((e) => `.${e}`);

/** Known formats we do not read, with what to do instead. */
const REFUSED_EXTENSIONS: Record<string, string> = {
  doc: "is an older Word format (.doc). Save it as .docx in Word and upload that.",
  xls: "is an older Excel format (.xls). Save it as .xlsx or CSV and upload that.",
  pages: "is a Pages document. Export it as Word (.docx) or PDF and upload that.",
  rtf: "is rich text (.rtf). Save it as Word (.docx) and upload that.",
};

function isDocumentFormat(value: string): value is DocumentFormat {
  return (DOCUMENT_FORMATS as readonly string[]).includes(value);
}

/** The format a file name declares, or a clear error naming what is accepted. */
export function formatFromFilename(filename: string): DocumentFormat {
  const ext = filename.includes(".") ? (filename.toLowerCase().split(".").pop() ?? "") : "";
  const format = FORMAT_BY_EXTENSION[ext];
  if (format) return format;
  const refused = REFUSED_EXTENSIONS[ext];
  if (refused) throw new AppError("bad_request", `"${filename}" ${refused}`);
  throw new AppError("bad_request", `"${filename}" is not a supported file type. Upload ${ACCEPTED_EXTENSIONS.join(", ")} files or paste text.`);
}

function asFormat(format: string): DocumentFormat {
  if (!isDocumentFormat(format)) throw new AppError("bad_request", `Documents of type "${format}" cannot be processed.`);
  return format;
}

function assertNotEmpty(bytes: Uint8Array): void {
  if (bytes.byteLength === 0) throw new AppError("bad_request", "The file is empty: there is no text to index.");
}

/**
 * The cheap checks, at upload. What passes may still fail in the job (a scanned PDF, a damaged Word
 * body), and then the document shows the reason.
 */
export async function checkDocument(bytes: Uint8Array, format: DocumentFormat | string, limits: ReadingLimits = readingLimits()): Promise<void> {
  assertNotEmpty(bytes);
  switch (asFormat(format)) {
    case "markdown":
    case "text":
    case "html":
      decodeText(bytes, format === "html" ? "HTML" : format === "text" ? "plain text" : "Markdown");
      return;
    case "csv":
      csvFaqEntries(bytes);
      return;
    case "pdf":
      return checkPdf(bytes, limits.maxPdfPages);
    case "docx":
      return checkDocx(bytes);
    case "xlsx":
      // FAQ sheets are small: reading the sheet now tells the doctor at once if the columns are missing.
      parseXlsx(bytes, limits.maxTextChars);
      return;
    case "image":
      checkImage(bytes, limits.ocr.maxPixels);
      return;
  }
}

/**
 * Decodes an upload into text (and, for FAQ sheets, its question/answer pairs). Formats that can expand
 * (sheets, archives, PDFs) stop at the text limit while they read; the check at the end covers the rest.
 */
export async function parseDocument(bytes: Uint8Array, format: DocumentFormat | string, limits: ReadingLimits = readingLimits()): Promise<ParsedDocument> {
  assertNotEmpty(bytes);
  const parsed = await parseFormat(bytes, asFormat(format), limits);
  if (parsed.text.length > limits.maxTextChars) throw tooMuchText("document", limits.maxTextChars);
  return parsed;
}

async function parseFormat(bytes: Uint8Array, format: DocumentFormat, limits: ReadingLimits): Promise<ParsedDocument> {
  switch (format) {
    case "markdown":
      return parseMarkdown(bytes);
    case "text":
      return parsePlainText(bytes);
    case "html":
      return parseHtml(bytes);
    case "pdf":
      return parsePdf(bytes, limits);
    case "docx":
      return parseDocx(bytes, limits.maxTextChars);
    case "csv":
      return parseCsv(bytes);
    case "xlsx":
      return parseXlsx(bytes, limits.maxTextChars);
    case "image":
      return parseImage(bytes, limits);
  }
}

/**
 * PDF text layer through pdfjs (legacy build, which runs on Node 20). Lines are rebuilt from the text
 * items' positions, joined into paragraphs, larger-type short lines become headings, running headers,
 * footers and page numbers are dropped, and the offset where each page starts is kept so passages know
 * their page. Scanned pages (an image and next to no text layer) are read by OCR (../ocr.ts).
 * Encrypted, damaged and empty PDFs are refused with what to do about it.
 */
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";
import { ingestLimits, type ReadingLimits, readingLimits } from "@/server/knowledge/limits";
import { AppError } from "@/server/lib/errors";
import { type RecognizedPage, recognizePdfPages, type ScannedPage } from "../ocr";
import { textBudget } from "./budget";
import { asText, HAN_END, HAN_START, joinLines } from "./join";
import { looksLikePdf } from "./text";
import type { ParsedDocument } from "./types";

const NOT_PDF = "This file is not a PDF (its content does not start like one). Check that you chose the right file, or give it its real extension.";
const DAMAGED = "This PDF could not be read: it looks damaged or incomplete. Open it in a PDF reader, save or export a fresh copy, and upload that.";
const ENCRYPTED = "This PDF is password-protected. Save a copy without the password (or print it to a new PDF) and upload that.";
const NO_TEXT = "This PDF has no text to index: its pages hold neither text nor scanned images. Upload the original Word or text file.";
const NOTHING_RECOGNIZED =
  "This PDF looks scanned, and text recognition (OCR) found no text on its pages. If it is a scan of text, scan it again (300 dpi, upright, in focus) or upload the original Word or text file.";
const UNREADABLE_FONTS =
  "This PDF's text cannot be extracted: its fonts do not say which characters they draw. Export it to PDF again from the original, or upload the Word or text file.";

/** A page with an image and fewer visible characters than this is a scan (maybe with a watermark or page number). */
const MIN_CHARS_PER_PAGE = 25;

const IMAGE_OPS = new Set([
  pdfjs.OPS.paintImageXObject,
  pdfjs.OPS.paintImageXObjectRepeat,
  pdfjs.OPS.paintInlineImageXObject,
  pdfjs.OPS.paintInlineImageXObjectGroup,
  pdfjs.OPS.paintImageMaskXObject,
  pdfjs.OPS.paintImageMaskXObjectGroup,
  pdfjs.OPS.paintImageMaskXObjectRepeat,
]);

type PdfDocument = Awaited<ReturnType<typeof pdfjs.getDocument>["promise"]>;

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  if (!looksLikePdf(bytes)) throw new AppError("bad_request", NOT_PDF);
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given.
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    const name = (e as { name?: string } | null)?.name;
    if (name === "PasswordException") throw new AppError("bad_request", ENCRYPTED, { cause: e });
    throw new AppError("bad_request", DAMAGED, { cause: e });
  }
}

function assertPageCount(pages: number, maxPages: number): void {
  if (pages < 1) throw new AppError("bad_request", DAMAGED);
  if (pages > maxPages) {
    throw new AppError("bad_request", `This PDF has ${pages} pages; one document may have at most ${maxPages}. Split it into smaller PDFs (by chapter, say) and upload those.`);
  }
}

/** Quick checks, run at upload: a PDF that opens without a password and has pages, not too many. */
export async function checkPdf(bytes: Uint8Array, maxPages = ingestLimits().maxPdfPages): Promise<void> {
  const doc = await openPdf(bytes);
  try {
    assertPageCount(doc.numPages, maxPages);
  } finally {
    await doc.destroy();
  }
}

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
}

/** Text items to lines: a new line where the baseline moves or pdfjs marks an end of line. */
function linesOf(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: (Line & { end: number }) | null = null;
  let brokeLine = false;
  for (const item of items) {
    const [, , c, d, x, y] = item.transform as number[];
    const size = Math.hypot(c!, d!) || item.height || 10;
    const text = item.str;
    if (current && !brokeLine && Math.abs(y! - current.y) <= size * 0.5) {
      const gap = x! - current.end;
      const needsSpace = gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(text) && !(HAN_END.test(current.text) && HAN_START.test(text));
      current.text += (needsSpace ? " " : "") + text;
      current.end = x! + item.width;
      current.size = Math.max(current.size, text.trim() ? size : 0);
    } else if (text.trim() || !current) {
      if (current) lines.push(current);
      current = { text, x: x!, y: y!, size: text.trim() ? size : 0, end: x! + item.width };
    }
    brokeLine = item.hasEOL;
  }
  if (current) lines.push(current);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, " ").trim() })).filter((l) => l.text);
}

const PAGE_NUMBER = /^(?:(?:page|p\.?)\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;
const digitless = (text: string) => text.replace(/\d+/g, "#");

/** Running headers and footers: a page's first or last lines that recur (digits aside) on most pages. */
function runningLines(pages: Line[][]): Set<string> {
  const running = new Set<string>();
  if (pages.length < 3) return running;
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((l) => digitless(l.text)));
    for (const key of edge) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, n] of counts) if (n >= Math.max(3, pages.length * 0.5)) running.add(key);
  return running;
}

/** The body text size: the size most characters are set in. */
function bodySize(pages: Line[][]): number {
  const bySize = new Map<number, number>();
  for (const line of pages.flat()) {
    const key = Math.round(line.size * 2) / 2;
    bySize.set(key, (bySize.get(key) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, n] of bySize) if (n > bestCount) [best, bestCount] = [size, n];
  return best;
}

const SENTENCE_END = /[.!?。！？；;:：,，]$/;
const BULLET = /^(?:[-*•·▪◦‣]|\d{1,3}[.)、]|[a-z][.)]|[（(]\d{1,3}[)）])\s*/;
const MAX_HEADING_CHARS = 120;

function pageText(lines: Line[], body: number, headingSizes: number[], running: Set<string>): string {
  const blocks: string[] = [];
  let paragraph: Line | null = null;
  let previous: Line | null = null;
  const kept = lines.filter((l) => !PAGE_NUMBER.test(l.text) && !running.has(digitless(l.text)));
  const gaps = kept.slice(1).map((l, i) => kept[i]!.y - l.y).filter((g) => g > 0).sort((p, q) => p - q);
  const lineGap = gaps[Math.floor(gaps.length / 2)] ?? body * 1.2;
  const flush = () => {
    if (paragraph) blocks.push(asText(paragraph.text));
    paragraph = null;
  };
  for (const line of kept) {
    const level = headingSizes.findIndex((s) => Math.abs(s - line.size) < 0.25) + 1;
    const isHeading = level > 0 && line.text.length <= MAX_HEADING_CHARS && !SENTENCE_END.test(line.text);
    if (isHeading) {
      const prevBlock = blocks[blocks.length - 1];
      // A title set over two lines is one heading.
      if (!paragraph && previous && Math.abs(previous.size - line.size) < 0.25 && prevBlock?.startsWith(`${"#".repeat(level)} `)) {
        blocks[blocks.length - 1] = joinLines(prevBlock, line.text);
      } else {
        flush();
        blocks.push(`${"#".repeat(level)} ${line.text}`);
      }
      previous = line;
      continue;
    }
    const gap = previous ? previous.y - line.y : 0;
    const newParagraph =
      !paragraph || BULLET.test(line.text) || gap > lineGap * 1.5 || gap < 0 || Math.abs(line.size - paragraph.size) > 0.5 || (previous !== null && line.x > previous.x + body * 2);
    if (newParagraph) {
      flush();
      paragraph = { ...line };
    } else {
      const p: Line = paragraph!;
      p.text = joinLines(p.text, line.text);
    }
    previous = line;
  }
  flush();
  return blocks.join("\n\n");
}

function visibleChars(text: string): number {
  return text.replace(/\s+/g, "").length;
}

/** Whether a page paints an image (a scan, a photo, a logo): only then can OCR find text where the text layer has none. */
async function paintsImage(page: pdfjs.PDFPageProxy): Promise<boolean> {
  const ops = await page.getOperatorList();
  return ops.fnArray.some((op) => IMAGE_OPS.has(op));
}

export async function parsePdf(bytes: Uint8Array, limits: ReadingLimits = readingLimits()): Promise<ParsedDocument> {
  const doc = await openPdf(bytes);
  const pages: Line[][] = [];
  const scanned: ScannedPage[] = [];
  let running = new Set<string>();
  const spend = textBudget("PDF", limits.maxTextChars);
  try {
    assertPageCount(doc.numPages, limits.maxPdfPages);
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines = linesOf(content.items.filter((item): item is TextItem => "str" in item));
      for (const line of lines) spend(line.text.length);
      pages.push(lines);
      page.cleanup();
    }
    running = runningLines(pages);
    // A page whose own text (running headers, footers and page numbers aside) is next to nothing, and
    // that paints an image, is a scan: a scanner's stamp on every page does not hide it.
    for (const [i, lines] of pages.entries()) {
      const own = lines.filter((l) => !PAGE_NUMBER.test(l.text) && !running.has(digitless(l.text)));
      if (visibleChars(own.map((l) => l.text).join("")) >= MIN_CHARS_PER_PAGE) continue;
      const page = await doc.getPage(i + 1);
      if (await paintsImage(page)) {
        const { width, height } = page.getViewport({ scale: 1 });
        scanned.push({ page: i + 1, widthPt: width, heightPt: height });
        // Refused as soon as it is known, before the remaining pages' images are looked at.
        if (scanned.length > limits.ocr.maxPages) {
          throw new AppError(
            "bad_request",
            `This PDF has more than ${limits.ocr.maxPages} scanned pages (pages with no text layer); OCR reads at most ${limits.ocr.maxPages} pages of one document. Split it into smaller PDFs and upload those.`,
          );
        }
      }
      page.cleanup();
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("bad_request", DAMAGED, { cause: e });
  } finally {
    await doc.destroy();
  }
  if (pages.length === 0) throw new AppError("bad_request", DAMAGED);

  // A scanned page's text is what OCR reads on it; one where it finds nothing keeps its text layer.
  const recognized = new Map<number, RecognizedPage>();
  for (const result of await recognizePdfPages(bytes, scanned, limits.ocr)) {
    for (const paragraph of result.paragraphs) spend(paragraph.length);
    if (result.paragraphs.length > 0) recognized.set(result.page, result);
  }

  const layerText = pages.flat().map((l) => l.text).join("");
  const ocrText = [...recognized.values()].flatMap((r) => r.paragraphs).join("");
  if (visibleChars(layerText) + visibleChars(ocrText) < 20) throw new AppError("bad_request", scanned.length > 0 ? NOTHING_RECOGNIZED : NO_TEXT);
  const chars = visibleChars(layerText);
  const garbled = [...layerText].filter((ch) => /[\uE000-\uF8FF\uFFFD]/.test(ch) || /[\u0000-\u0008\u000e-\u001f]/.test(ch)).length;
  if (chars > 0 && garbled / chars > 0.3) throw new AppError("bad_request", UNREADABLE_FONTS);

  const body = bodySize(pages);
  const headingSizes = [...new Set(pages.flat().filter((l) => l.size >= body * 1.2 && l.text.length <= MAX_HEADING_CHARS).map((l) => Math.round(l.size * 2) / 2))]
    .sort((a, b) => b - a)
    .slice(0, 3);
  let text = "";
  const pageBreaks: number[] = [];
  for (const [i, lines] of pages.entries()) {
    if (text) text += "\n\n";
    pageBreaks.push(text.length);
    const ocr = recognized.get(i + 1);
    text += ocr ? ocr.paragraphs.join("\n\n") : pageText(lines, body, headingSizes, running);
  }
  const ocrPages = scanned.map(({ page }) => ({ page, confidence: recognized.get(page)?.confidence ?? null }));
  return { text, structure: "markdown", pageBreaks, ...(ocrPages.length > 0 ? { ocrPages } : {}) };
}

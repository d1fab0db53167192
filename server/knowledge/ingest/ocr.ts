/**
 * Text recognition (OCR) of scanned PDF pages and page images, in Chinese and English, with Tesseract
 * (Debian: tesseract-ocr, tesseract-ocr-chi-sim, tesseract-ocr-eng). PDF pages are rendered to images
 * by poppler's pdftoppm (Debian: poppler-utils): a renderer maintained with the distribution that draws
 * CJK and every PDF feature, needs no npm package with a native binary, and, being a child process
 * like Tesseract, a hostile page can crash or hang it without touching the worker. Both run from the
 * ingestion worker only, as child processes (no shell) with a minimal environment, a time limit and
 * bounded output. The document and its page images go through pipes, never to disk: nothing is left
 * behind if the worker is stopped mid-page.
 */
import { spawn } from "node:child_process";
import type { OcrPage } from "@/db/schema/knowledge";
import type { OcrOptions } from "@/server/knowledge/limits";
import { AppError } from "@/server/lib/errors";
import { asText, HAN_END, HAN_START, joinLines } from "./parsers/join";

/** Resolution pages are rendered at: what Tesseract reads best; small print needs no more. */
export const OCR_DPI = 300;
/** Below this a page's small print is no longer legible to OCR: such a page is refused, not misread. */
const MIN_DPI = 100;
const LANGUAGES = "chi_sim+eng";
/** A dense page's TSV is a few hundred KB; more is not a page. */
const MAX_TSV_BYTES = 8 * 1024 * 1024;
const MAX_STDERR_BYTES = 16 * 1024;

export interface RecognizedPage extends OcrPage {
  /** The page's text as Markdown blocks (headings, paragraphs), as the recognizer laid it out. */
  paragraphs: string[];
}

type RunResult =
  | { ok: true; stdout: Buffer }
  | { ok: false; reason: "missing" | "timeout" | "output" | "exit"; stderr: string };

/**
 * Runs a program without a shell, killing it at the deadline or when its output passes the bound. Its
 * environment carries only what it needs (no secrets of the app's), and one thread: OCR must not take the
 * core that answers patients.
 */
function runProgram(program: string, args: string[], io: { input: Uint8Array; timeoutMs: number; maxOutputBytes: number }): Promise<RunResult> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { NODE_ENV: process.env.NODE_ENV, PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin", OMP_THREAD_LIMIT: "1" };
    if (process.env.TESSDATA_PREFIX) env.TESSDATA_PREFIX = process.env.TESSDATA_PREFIX;
    const child = spawn(program, args, { stdio: ["pipe", "pipe", "pipe"], env });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = "";
    let failure: "timeout" | "output" | null = null;
    const stop = (why: "timeout" | "output") => {
      failure ??= why;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => stop("timeout"), io.timeoutMs);
    // A program that exits (or is stopped) before reading all its input closes the pipe: its exit says why.
    child.stdin.on("error", () => {});
    child.stdin.end(io.input);
    child.stdout.on("data", (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > io.maxOutputBytes) return stop("output");
      out.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR_BYTES) stderr += chunk.toString("utf8").slice(0, MAX_STDERR_BYTES - stderr.length);
    });
    child.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // Not there, or not a program: either way OCR is not installed as configured.
      resolve({ ok: false, reason: e.code === "ENOENT" || e.code === "EACCES" ? "missing" : "exit", stderr: e.message });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (failure) resolve({ ok: false, reason: failure, stderr });
      else if (code === 0) resolve({ ok: true, stdout: Buffer.concat(out) });
      else resolve({ ok: false, reason: "exit", stderr });
    });
  });
}

const notInstalled = (what: string, program: string, packages: string, variable: string) =>
  new AppError(
    "bad_request",
    `${what} needs text recognition (OCR), which is not installed on this server: the program "${program}" was not found. ` +
      `Ask your administrator to install Debian's ${packages} (or to set ${variable}), or upload the original Word or text file.`,
  );

/** Words to a line: a space between words, none between Chinese characters and punctuation. */
function joinWords(words: string[]): string {
  let line = "";
  for (const word of words) {
    if (line && !(HAN_END.test(line) && HAN_START.test(word))) line += " ";
    line += word;
  }
  return line;
}

/** A line set this much taller than the lines after it, short and not a sentence, is a heading. */
const HEADING_RATIO = 1.2;
const MAX_HEADING_CHARS = 60;
const SENTENCE_END = /[.!?。！？；;:：,，-]$/;

interface OcrLine {
  words: string[];
  /** Each word's height: their median is the line's type size (ascenders and descenders vary word by word). */
  heights: number[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Tesseract's TSV: a row per word with its paragraph, line, height and confidence.
 * Lines are rebuilt word by word and joined into paragraphs (Markdown, as the PDF parser writes its
 * pages); a paragraph's first line set clearly taller than the text after it becomes a heading. The
 * page's confidence is the mean of its words' confidences, weighted by their length.
 */
export function readTsv(tsv: string): { paragraphs: string[]; confidence: number | null } {
  const paragraphs = new Map<string, Map<string, OcrLine>>();
  let weighted = 0;
  let chars = 0;
  for (const row of tsv.split("\n").slice(1)) {
    const cols = row.split("\t");
    if (cols[0] !== "5" || cols.length < 12) continue;
    const text = cols.slice(11).join(" ").trim();
    const conf = Number(cols[10]);
    if (!text || !(conf >= 0)) continue;
    const key = `${cols[2]}.${cols[3]}`;
    const lines = paragraphs.get(key) ?? new Map<string, OcrLine>();
    paragraphs.set(key, lines);
    const line = lines.get(cols[4]!) ?? { words: [], heights: [] };
    lines.set(cols[4]!, line);
    line.words.push(text);
    line.heights.push(Number(cols[9]) || 0);
    weighted += conf * text.length;
    chars += text.length;
  }
  const lines = [...paragraphs.values()].map((p) => [...p.values()]);
  const height = (line: OcrLine) => median(line.heights);
  const blocks: string[] = [];
  for (const [i, paragraph] of lines.entries()) {
    const [first, ...rest] = paragraph;
    const firstText = joinWords(first!.words);
    const after = rest.length > 0 ? rest : (lines[i + 1] ?? []);
    const heading = after.length > 0 && height(first!) >= HEADING_RATIO * median(after.map(height)) && firstText.length <= MAX_HEADING_CHARS && !SENTENCE_END.test(firstText);
    const body = (heading ? rest : paragraph).map((l) => joinWords(l.words));
    if (heading) blocks.push(`# ${firstText}`);
    if (body.length > 0) blocks.push(asText(body.reduce(joinLines)));
  }
  return { paragraphs: blocks, confidence: chars ? Math.round(weighted / chars) : null };
}

interface Budget {
  options: OcrOptions;
  deadline: number;
  /** For the message when the document's time runs out: the pages done and to do. */
  done: number;
  total: number;
}

/** The resolution a page of this size (in points) is rendered at so its image stays within the pixel limit. */
export function renderDpi(page: number, widthPt: number, heightPt: number, maxPixels: number): number {
  const inches = (widthPt / 72) * (heightPt / 72);
  const dpi = Math.min(OCR_DPI, Math.floor(Math.sqrt(maxPixels / inches)));
  if (dpi < MIN_DPI) {
    const cm = (pt: number) => Math.round((pt / 72) * 2.54);
    throw new AppError(
      "bad_request",
      `Page ${page} of this PDF is ${cm(widthPt)} × ${cm(heightPt)} cm, too large to read by OCR (at most ${(maxPixels / 1e6).toFixed(0)} million pixels at ${MIN_DPI} dpi or more). Scan it again at a normal page size and upload that.`,
    );
  }
  return dpi;
}

/** The time this step may take: what is left of the page's limit and of the document's, and which of them binds. */
function timeLeft(budget: Budget, pageStarted: number): { ms: number; document: boolean } {
  const page = pageStarted + budget.options.pageTimeoutMs - Date.now();
  const document = budget.deadline - Date.now();
  return { ms: Math.max(1, Math.min(page, document)), document: document < page };
}

function timeoutError(budget: Budget, pageLabel: string, document: boolean): AppError {
  if (document) {
    return new AppError(
      "bad_request",
      `Reading the scanned pages by OCR took longer than ${budget.options.timeoutMs / 1000} s, the limit for one document, so it was stopped at ${pageLabel} (${budget.done} of ${budget.total} scanned pages read). Split it into smaller files and upload those.`,
    );
  }
  return new AppError(
    "bad_request",
    `Reading ${pageLabel} by OCR took longer than ${budget.options.pageTimeoutMs / 1000} s, the limit for one page, so it was stopped. Scan it again at 300 dpi, or upload the original file.`,
  );
}

/** Tesseract on one page image (PNG or JPEG bytes). */
async function recognize(image: Uint8Array, dpi: number | null, budget: Budget, pageStarted: number, pageLabel: string, what: string) {
  const { tesseract } = budget.options;
  const left = timeLeft(budget, pageStarted);
  const args = ["stdin", "stdout", "-l", LANGUAGES, ...(dpi ? ["--dpi", String(dpi)] : []), "tsv"];
  const run = await runProgram(tesseract, args, { input: image, timeoutMs: left.ms, maxOutputBytes: MAX_TSV_BYTES });
  if (run.ok) return readTsv(run.stdout.toString("utf8"));
  if (run.reason === "missing") throw notInstalled(what, tesseract, "tesseract-ocr, tesseract-ocr-chi-sim and tesseract-ocr-eng packages", "TESSERACT_PATH");
  if (run.reason === "timeout") throw timeoutError(budget, pageLabel, left.document);
  if (run.reason === "output") throw new AppError("bad_request", `OCR of ${pageLabel} produced far more text than a page holds, so it was stopped. Upload the original file instead.`);
  if (/Failed loading language|couldn't load any languages/i.test(run.stderr)) {
    throw new AppError(
      "bad_request",
      `${what} needs text recognition (OCR) in Chinese and English, but this server's Tesseract lacks the language data (${LANGUAGES}). Ask your administrator to install Debian's tesseract-ocr-chi-sim and tesseract-ocr-eng packages.`,
    );
  }
  throw new AppError("bad_request", `${pageLabel[0]!.toUpperCase()}${pageLabel.slice(1)} could not be read by OCR: the image looks damaged or is in a form the recognizer cannot open. Save it again as PNG or JPEG and upload that.`);
}

export interface ScannedPage {
  page: number;
  widthPt: number;
  heightPt: number;
}

/** Renders and reads the given pages of a PDF, one after another, under the page and document limits. */
export async function recognizePdfPages(pdf: Uint8Array, pages: ScannedPage[], options: OcrOptions): Promise<RecognizedPage[]> {
  // Refuses an oversized page before any OCR time is spent.
  const dpis = pages.map((p) => renderDpi(p.page, p.widthPt, p.heightPt, options.maxPixels));
  const budget: Budget = { options, deadline: Date.now() + options.timeoutMs, done: 0, total: pages.length };
  // An 8-bit RGB PNG of the largest page allowed, uncompressed, and its headers.
  const maxImageBytes = options.maxPixels * 3 + 1024 * 1024;
  const results: RecognizedPage[] = [];
  for (const [i, { page }] of pages.entries()) {
    const started = Date.now();
    const label = `page ${page}`;
    if (budget.deadline <= started) throw timeoutError(budget, label, true);
    const dpi = dpis[i]!;
    const left = timeLeft(budget, started);
    // "-" reads the PDF from stdin; with no output name the page's PNG goes to stdout.
    const args = ["-r", String(dpi), "-f", String(page), "-l", String(page), "-gray", "-png", "-singlefile", "-"];
    const render = await runProgram(options.pdftoppm, args, { input: pdf, timeoutMs: left.ms, maxOutputBytes: maxImageBytes });
    if (!render.ok) {
      if (render.reason === "missing") throw notInstalled("This PDF has scanned pages: it", options.pdftoppm, "poppler-utils package", "PDFTOPPM_PATH");
      if (render.reason === "timeout") throw timeoutError(budget, label, left.document);
      throw new AppError("bad_request", `Page ${page} of this PDF could not be rendered for OCR: it looks damaged. Open the PDF in a reader, save a fresh copy, and upload that.`);
    }
    const { paragraphs, confidence } = await recognize(render.stdout, dpi, budget, started, label, "This PDF has scanned pages: it");
    results.push({ page, confidence, paragraphs });
    budget.done += 1;
  }
  return results;
}

/** Reads one page image (PNG or JPEG). */
export async function recognizeImage(image: Uint8Array, options: OcrOptions): Promise<RecognizedPage> {
  // One page: the page's limit is the one that applies.
  const budget: Budget = { options, deadline: Number.POSITIVE_INFINITY, done: 0, total: 1 };
  const { paragraphs, confidence } = await recognize(image, null, budget, Date.now(), "the image", "This image");
  return { page: 1, confidence, paragraphs };
}

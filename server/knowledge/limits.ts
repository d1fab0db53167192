import { getConfig } from "@/server/env";

/** Files per upload request; a larger selection is sent in several uploads. */
export const MAX_UPLOAD_FILES = 20;

/**
 * An upload's limits: each file, the number of files, and the whole request (four files at the
 * per-file limit), which is held in memory until it is stored.
 */
export function uploadLimits(): { maxBytes: number; maxFiles: number; maxTotalBytes: number } {
  const maxBytes = getConfig().MAX_UPLOAD_MB * 1024 * 1024;
  return { maxBytes, maxFiles: MAX_UPLOAD_FILES, maxTotalBytes: 4 * maxBytes };
}

/** What reading one document may cost. Beyond any of them the document fails with a message naming the limit. */
export interface IngestLimits {
  /**
   * Characters of text one document may expand to. A small file can expand far beyond its size: a sheet
   * whose rows all point at one long shared string, an archive of highly compressed XML.
   */
  maxTextChars: number;
  maxPdfPages: number;
  /** Wall-clock time for reading, chunking and (offline) embedding one document in the ingestion worker. */
  timeoutMs: number;
  /** The ingestion worker's heap; a document that needs more fails on its own, the server goes on. */
  workerMemoryMb: number;
  /** Scanned pages (or images) one document may have read by OCR. */
  ocrMaxPages: number;
  /** Pixels of one page image given to OCR: an image above it is refused, a PDF page is rendered below 300 dpi to fit. */
  ocrMaxPixels: number;
  /** Wall-clock time for rendering and reading one page. */
  ocrPageTimeoutMs: number;
  /**
   * Wall-clock time for all of one document's OCR. Below timeoutMs, so the document fails with this
   * limit's message (and the pages it reached) rather than the worker being stopped.
   */
  ocrTimeoutMs: number;
}

/**
 * 30 million characters is some 12,000 pages of text, more than any one handbook. OCR reads a 300 dpi
 * A4 page in a few seconds on one core, so 50 pages fit in the 150 s it may take; 40 million pixels
 * is A4 at 600 dpi, or A0 at about 160 dpi.
 */
const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxTextChars: 30_000_000,
  maxPdfPages: 3_000,
  timeoutMs: 180_000,
  workerMemoryMb: 1_536,
  ocrMaxPages: 50,
  ocrMaxPixels: 40_000_000,
  ocrPageTimeoutMs: 60_000,
  ocrTimeoutMs: 150_000,
};

let ingestOverrides: Partial<IngestLimits> = {};

export function ingestLimits(): IngestLimits {
  return { ...DEFAULT_INGEST_LIMITS, ...ingestOverrides };
}

/** Test hook: shorter limits, so a test can cross one without a huge fixture; call with {} to restore. */
export function setIngestLimitsForTests(overrides: Partial<IngestLimits>): void {
  ingestOverrides = overrides;
}

/** The programs OCR runs: Tesseract reads page images, poppler's pdftoppm renders PDF pages to them. */
export interface OcrPrograms {
  tesseract: string;
  pdftoppm: string;
}

/** How the ingestion worker reads a scanned page or image (see ingest/ocr.ts). */
export interface OcrOptions extends OcrPrograms {
  maxPages: number;
  maxPixels: number;
  pageTimeoutMs: number;
  timeoutMs: number;
}

/** What reading one document in the ingestion worker may cost, and with which OCR programs; its time and memory are enforced from outside it. */
export interface ReadingLimits {
  maxTextChars: number;
  maxPdfPages: number;
  ocr: OcrOptions;
}

let programOverrides: Partial<OcrPrograms> = {};

export function readingLimits(limits: IngestLimits = ingestLimits()): ReadingLimits {
  const config = getConfig();
  return {
    maxTextChars: limits.maxTextChars,
    maxPdfPages: limits.maxPdfPages,
    ocr: {
      tesseract: config.TESSERACT_PATH,
      pdftoppm: config.PDFTOPPM_PATH,
      ...programOverrides,
      maxPages: limits.ocrMaxPages,
      maxPixels: limits.ocrMaxPixels,
      pageTimeoutMs: limits.ocrPageTimeoutMs,
      timeoutMs: limits.ocrTimeoutMs,
    },
  };
}

/** Test hook: other OCR programs (a missing one, say), as TESSERACT_PATH and PDFTOPPM_PATH set them; call with {} to restore. */
export function setOcrProgramsForTests(overrides: Partial<OcrPrograms>): void {
  programOverrides = overrides;
}

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
}

/** 30 million characters is some 12,000 pages of text, more than any one handbook. */
const DEFAULT_INGEST_LIMITS: IngestLimits = { maxTextChars: 30_000_000, maxPdfPages: 3_000, timeoutMs: 180_000, workerMemoryMb: 1_536 };

let ingestOverrides: Partial<IngestLimits> = {};

export function ingestLimits(): IngestLimits {
  return { ...DEFAULT_INGEST_LIMITS, ...ingestOverrides };
}

/** Test hook: shorter limits, so a test can cross one without a huge fixture; call with {} to restore. */
export function setIngestLimitsForTests(overrides: Partial<IngestLimits>): void {
  ingestOverrides = overrides;
}

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

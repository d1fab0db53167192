import { getConfig } from "@/server/env";

export function uploadLimits(): { maxBytes: number } {
  return { maxBytes: getConfig().MAX_UPLOAD_MB * 1024 * 1024 };
}

import type { Db } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { isAppError } from "@/server/lib/errors";
import { addDocument, assertWithinUploadLimit } from "./document.service";
import { formatFromFilename } from "./ingest/parse";

export type UploadResult =
  | { filename: string; ok: true; documentId: string; duplicate: boolean }
  | { filename: string; ok: false; error: string };

/** Adds each file on its own: one bad file gets its reason and the rest of the batch goes on. */
export async function uploadFiles(db: Db, actor: Actor, args: { avatarId: string; files: File[] }, limits: { maxBytes: number }): Promise<UploadResult[]> {
  const results: UploadResult[] = [];
  for (const file of args.files) {
    try {
      // Refuse before reading an oversized file into memory.
      assertWithinUploadLimit(file.name, file.size, limits);
      const format = formatFromFilename(file.name);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const title = file.name.replace(/\.[^.]+$/, "");
      const { document, duplicate } = await addDocument(db, actor, { avatarId: args.avatarId, title, filename: file.name, format, bytes }, limits);
      results.push({ filename: file.name, ok: true, documentId: document.id, duplicate });
    } catch (e) {
      if (!isAppError(e) || e.code === "not_found" || e.code === "forbidden") throw e;
      results.push({ filename: file.name, ok: false, error: e.message });
    }
  }
  return results;
}

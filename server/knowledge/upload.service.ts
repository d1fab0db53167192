import "server-only";
import type { Db } from "@/db/client";
import type { Principal } from "@/server/principal/principal";
import { AppError, isAppError } from "@/server/lib/errors";
import { type MultipartForm, readMultipartLimited } from "@/server/limits/body";
import type { TProvenanceInput } from "./document.schema";
import { addDocument, assertWithinUploadLimit, parseProvenance, replaceDocument, titleFromFilename } from "./document.service";
import { formatFromFilename } from "./ingest/parse";

export type UploadResult =
  | { filename: string; ok: true; documentId: string; duplicate: boolean }
  | { filename: string; ok: false; error: string };

export interface UploadInput {
  /** The avatar the files are for, or (corpusId) the shared corpus. */
  avatarId?: string;
  corpusId?: string;
  files: File[];
  /** Provenance applied to every file of the batch. */
  provenance?: TProvenanceInput;
  /** Upload one file as the new version of this document instead of adding it. */
  replaceDocumentId?: string;
}

const PROVENANCE_FIELDS = ["sourceKind", "sourceName", "edition", "evidenceLevel", "reviewBy"] as const;

/**
 * The upload's fields from its multipart form: optional provenance for every file (sourceKind,
 * sourceName, edition, evidenceLevel, reviewBy), or replaceDocumentId to upload one file as a
 * document's new version.
 */
function uploadInputFromForm(form: MultipartForm): UploadInput {
  const field = (name: string) => form.fields.get(name);
  const avatarId = field("avatarId") || undefined;
  const corpusId = field("corpusId") || undefined;
  const files = form.files.filter((f) => f.field === "files").map((f) => new File([f.bytes], f.name));
  if ((!avatarId && !corpusId) || files.length === 0) throw new AppError("bad_request", "Choose an avatar (or a shared corpus) and at least one file.");
  const provenance = Object.fromEntries(PROVENANCE_FIELDS.map((name) => [name, field(name) ?? null])) as TProvenanceInput;
  return { avatarId, corpusId, files, provenance, replaceDocumentId: field("replaceDocumentId") || undefined };
}

/**
 * An upload request (POST /api/knowledge/upload), counted while it streams in: too many files or bytes
 * are refused (413) before the rest is read, and nothing of it is stored.
 */
export async function uploadFromRequest(db: Db, actor: Principal<"staff">, request: Request, limits: { maxBytes: number; maxFiles: number; maxTotalBytes: number }) {
  const form = await readMultipartLimited(request, { maxFiles: limits.maxFiles, maxFileBytes: limits.maxBytes, maxTotalBytes: limits.maxTotalBytes });
  const input = uploadInputFromForm(form);
  return { input, results: await uploadFiles(db, actor, input, limits) };
}

/** Adds each file on its own: one bad file gets its reason and the rest of the batch goes on. */
export async function uploadFiles(db: Db, actor: Principal<"staff">, args: UploadInput, limits: { maxBytes: number }): Promise<UploadResult[]> {
  // A bad provenance field concerns the whole batch: refuse it before storing anything.
  const provenance = parseProvenance(args.provenance);
  if (args.replaceDocumentId && args.files.length !== 1) throw new AppError("bad_request", "Choose exactly one file to replace a document with.");
  const results: UploadResult[] = [];
  for (const file of args.files) {
    try {
      // Refuse before reading an oversized file into memory.
      assertWithinUploadLimit(file.name, file.size, limits);
      const format = formatFromFilename(file.name);
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (args.replaceDocumentId) {
        const { document, duplicate } = await replaceDocument(db, actor, { documentId: args.replaceDocumentId, filename: file.name, format, bytes }, limits);
        results.push({ filename: file.name, ok: true, documentId: document.id, duplicate });
        continue;
      }
      const { document, duplicate } = await addDocument(
        db,
        actor,
        { avatarId: args.avatarId, corpusId: args.corpusId, title: titleFromFilename(file.name), filename: file.name, format, bytes, provenance },
        limits,
      );
      results.push({ filename: file.name, ok: true, documentId: document.id, duplicate });
    } catch (e) {
      if (!isAppError(e) || e.code === "not_found" || e.code === "forbidden") throw e;
      results.push({ filename: file.name, ok: false, error: e.message });
    }
  }
  return results;
}

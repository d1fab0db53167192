import type { KnowledgeOwner } from "./owner";

/** One file's outcome, as POST /api/knowledge/upload reports it. */
export interface UploadResult {
  filename: string;
  ok: boolean;
  documentId?: string;
  duplicate?: boolean;
  error?: string;
}

export const ACCEPTED_EXTENSIONS = ".pdf,.docx,.md,.markdown,.txt,.html,.htm,.csv,.xlsx,.png,.jpg,.jpeg";

/**
 * Uploads files to an avatar or a shared corpus; throws with the server's message when the whole request is refused.
 * `fields` carries provenance for the batch (sourceKind, sourceName, edition, evidenceLevel, reviewBy)
 * or replaceDocumentId to upload one file as a document's new version.
 */
export async function uploadFiles(owner: KnowledgeOwner, files: File[], fields: Record<string, string> = {}): Promise<UploadResult[]> {
  const body = new FormData();
  if ("corpusId" in owner) body.set("corpusId", owner.corpusId);
  else body.set("avatarId", owner.avatarId);
  for (const [name, value] of Object.entries(fields)) if (value) body.set(name, value);
  for (const file of files) body.append("files", file);
  const response = await fetch("/api/knowledge/upload", { method: "POST", body });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (json as { error?: { message?: string } } | null)?.error?.message;
    throw new Error(message || `HTTP ${response.status}`);
  }
  return (json as { results: UploadResult[] }).results;
}

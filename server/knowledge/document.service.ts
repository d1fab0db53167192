import "server-only";
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type CitationOwner, documentFiles, documents, passages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { getAvatarOrThrow } from "@/server/avatars/avatar.service";
import { AppError } from "@/server/lib/errors";
import { corpusOwners, getCorpusOrThrow } from "./corpus.service";
import { type TProvenance, type TProvenanceInput, ZProvenance } from "./document.schema";
import { checkInWorker } from "./ingest/ingest-worker";
import type { DocumentFormat } from "./ingest/parse";
import { type DocumentOwner, sameOwner } from "./owner";

export type DocumentRow = typeof documents.$inferSelect;

export function assertWithinUploadLimit(name: string, byteSize: number, limits: { maxBytes: number }): void {
  if (byteSize > limits.maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new AppError("payload_too_large", `"${name}" is ${mb(byteSize)} MB; the limit is ${mb(limits.maxBytes)} MB.`);
  }
}

/** Provenance from a form or API input, validated; a bad field is a message naming it. */
export function parseProvenance(input: TProvenanceInput | undefined): TProvenance {
  const result = ZProvenance.safeParse(input ?? {});
  if (!result.success) throw new AppError("bad_request", result.error.issues.map((i) => i.message).join(" "));
  return result.data;
}

export interface AddDocumentInput {
  /** The avatar the document is for, or (corpusId) the shared corpus: exactly one. */
  avatarId?: string;
  corpusId?: string;
  title: string;
  filename: string | null;
  format: DocumentFormat;
  bytes: Uint8Array;
  provenance?: TProvenanceInput;
}

const hashOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A document of the same avatar or corpus (not a pending replacement) with this content, if any. */
async function findByContent(db: Db, owner: DocumentOwner, contentHash: string) {
  const [existing] = await db
    .select()
    .from(documents)
    .where(and(sameOwner(owner), eq(documents.contentHash, contentHash), isNull(documents.replacesDocumentId)));
  return existing ?? null;
}

/** The owner a new document goes to, checked: an avatar the actor may edit, or a corpus they may manage. */
async function ownerForNewDocument(db: Db, actor: Principal<"staff">, input: { avatarId?: string; corpusId?: string }): Promise<DocumentOwner> {
  if (Boolean(input.avatarId) === Boolean(input.corpusId)) throw new AppError("bad_request", "Choose either an avatar or a shared corpus for the document.");
  if (input.corpusId) return { avatarId: null, corpusId: (await getCorpusOrThrow(db, actor, input.corpusId, "edit")).id };
  return { avatarId: (await getAvatarOrThrow(db, actor, input.avatarId!, "edit")).id, corpusId: null };
}

/**
 * Stores an upload and queues it for processing; returns at once. Identical content already on the
 * avatar is recognised by hash and returned as it is, costing nothing.
 */
export async function addDocument(
  db: Db,
  actor: Principal<"staff">,
  input: AddDocumentInput,
  limits: { maxBytes: number },
): Promise<{ document: DocumentRow; duplicate: boolean }> {
  const owner = await ownerForNewDocument(db, actor, input);
  assertWithinUploadLimit(input.title, input.bytes.byteLength, limits);
  const provenance = parseProvenance(input.provenance);
  // The quick checks now (in the ingestion worker), so most bad files are refused with their reason instead of failing in the job.
  await checkInWorker(input.bytes, input.format);
  const contentHash = hashOf(input.bytes);
  const existing = await findByContent(db, owner, contentHash);
  if (existing) return { document: existing, duplicate: true };

  const document = await db.transaction(async (tx) => {
    const [doc] = await tx
      .insert(documents)
      .values({
        orgId: actor.orgId,
        ...owner,
        title: input.title,
        filename: input.filename,
        format: input.format,
        contentHash,
        byteSize: input.bytes.byteLength,
        ...provenance,
      })
      .returning();
    await tx.insert(documentFiles).values({ documentId: doc!.id, orgId: actor.orgId, data: input.bytes });
    return doc!;
  });
  return { document, duplicate: false };
}

/** The title an uploaded file gets: its name without the extension. */
export const titleFromFilename = (filename: string) => filename.replace(/\.[^.]+$/, "") || filename;

export interface ReplaceDocumentInput {
  documentId: string;
  filename: string;
  format: DocumentFormat;
  bytes: Uint8Array;
}

/**
 * Queues a new version of a document. It is processed like any upload, and its passages replace the
 * old ones in one transaction when it is ready (see indexDocument); until then, and if it fails, the
 * old version keeps answering. A newer replacement supersedes a pending one; identical content costs nothing.
 */
export async function replaceDocument(
  db: Db,
  actor: Principal<"staff">,
  input: ReplaceDocumentInput,
  limits: { maxBytes: number },
): Promise<{ document: DocumentRow; replacement: DocumentRow | null; duplicate: boolean }> {
  const original = await getDocumentOrThrow(db, actor, input.documentId, "edit");
  if (original.replacesDocumentId) throw new AppError("bad_request", "That is a pending replacement; replace the document itself.");
  assertWithinUploadLimit(input.filename, input.bytes.byteLength, limits);
  await checkInWorker(input.bytes, input.format);
  const contentHash = hashOf(input.bytes);
  if (contentHash === original.contentHash) return { document: original, replacement: null, duplicate: true };
  const clash = await findByContent(db, original, contentHash);
  const here = original.corpusId ? "shared corpus" : "avatar";
  if (clash) throw new AppError("bad_request", `This file is already on this ${here} as “${clash.title}”, so it cannot replace “${original.title}”.`);

  // A title that was just the old file's name follows the new file's name; a title the doctor chose stays.
  const title = original.filename && original.title === titleFromFilename(original.filename) ? titleFromFilename(input.filename) : original.title;
  const replacement = await db.transaction(async (tx) => {
    await tx.delete(documents).where(eq(documents.replacesDocumentId, original.id));
    const [row] = await tx
      .insert(documents)
      .values({
        orgId: original.orgId,
        avatarId: original.avatarId,
        corpusId: original.corpusId,
        title,
        filename: input.filename,
        format: input.format,
        contentHash,
        byteSize: input.bytes.byteLength,
        replacesDocumentId: original.id,
      })
      .returning();
    await tx.insert(documentFiles).values({ documentId: row!.id, orgId: original.orgId, data: input.bytes });
    return row!;
  });
  return { document: original, replacement, duplicate: false };
}

/** Today as YYYY-MM-DD (UTC), to compare with review-by dates. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The avatar's documents, newest first, each with its pending replacement (if any) and whether it is
 * past its review-by date.
 */
export async function listDocuments(db: Db, actor: Principal<"staff">, unverifiedAvatarId: string) {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "read");
  return documentsOf(db, { avatarId: avatar.id, corpusId: null });
}

/** A shared corpus's documents, as listDocuments gives an avatar's. */
export async function listCorpusDocuments(db: Db, actor: Principal<"staff">, unverifiedCorpusId: string) {
  const corpus = await getCorpusOrThrow(db, actor, unverifiedCorpusId, "read");
  return documentsOf(db, { avatarId: null, corpusId: corpus.id });
}

async function documentsOf(db: Db, owner: DocumentOwner) {
  const rows = await db.select().from(documents).where(sameOwner(owner)).orderBy(desc(documents.createdAt));
  const pending = new Map(rows.filter((r) => r.replacesDocumentId).map((r) => [r.replacesDocumentId!, r]));
  const now = today();
  return rows
    .filter((r) => !r.replacesDocumentId)
    .map((doc) => {
      const r = pending.get(doc.id);
      return {
        ...doc,
        reviewOverdue: doc.reviewBy !== null && doc.reviewBy < now,
        replacement: r ? { id: r.id, filename: r.filename, status: r.status, progress: r.progress, error: r.error } : null,
      };
    });
}

async function getDocumentOrThrow(db: Db, actor: Principal<"staff">, unverifiedDocumentId: string, mode: "read" | "edit") {
  const [doc] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, unverifiedDocumentId), eq(documents.orgId, actor.orgId)));
  if (!doc) throw new AppError("not_found", "No such document in your organization.");
  if (doc.corpusId) await getCorpusOrThrow(db, actor, doc.corpusId, mode);
  else await getAvatarOrThrow(db, actor, doc.avatarId!, mode);
  return doc;
}

export async function listPassages(db: Db, actor: Principal<"staff">, unverifiedDocumentId: string) {
  const doc = await getDocumentOrThrow(db, actor, unverifiedDocumentId, "read");
  return db
    .select({ id: passages.id, ordinal: passages.ordinal, headingPath: passages.headingPath, content: passages.content, page: passages.page })
    .from(passages)
    .where(and(eq(passages.documentId, doc.id), eq(passages.generation, doc.passageGeneration)))
    .orderBy(asc(passages.ordinal));
}

/** Disabling hides a document's passages from retrieval at once (retrieval joins on enabled). */
export async function setDocumentEnabled(db: Db, actor: Principal<"staff">, unverifiedDocumentId: string, enabled: boolean) {
  const doc = await getDocumentOrThrow(db, actor, unverifiedDocumentId, "edit");
  const [updated] = await db.update(documents).set({ enabled, updatedAt: new Date() }).where(eq(documents.id, doc.id)).returning();
  return updated!;
}

/** Sets what the document is (source, edition or year, evidence level, review-by date). */
export async function updateProvenance(db: Db, actor: Principal<"staff">, unverifiedDocumentId: string, input: TProvenanceInput) {
  const doc = await getDocumentOrThrow(db, actor, unverifiedDocumentId, "edit");
  if (doc.replacesDocumentId) throw new AppError("bad_request", "That is a pending replacement; edit the document itself.");
  const provenance = parseProvenance(input);
  const [updated] = await db.update(documents).set({ ...provenance, updatedAt: new Date() }).where(eq(documents.id, doc.id)).returning();
  return updated!;
}

/**
 * Deletes the document, its stored file, its passages and curated answers, and any pending
 * replacement (all by cascade). Deleting a pending replacement cancels it.
 */
export async function deleteDocument(db: Db, actor: Principal<"staff">, unverifiedDocumentId: string) {
  const doc = await getDocumentOrThrow(db, actor, unverifiedDocumentId, "edit");
  await db.delete(documents).where(eq(documents.id, doc.id));
  return { id: doc.id };
}

/** Pasted text is stored and processed like an uploaded Markdown file. */
export async function pasteDocument(
  db: Db,
  actor: Principal<"staff">,
  input: { avatarId?: string; corpusId?: string; title: string; text: string; provenance?: TProvenanceInput },
  limits: { maxBytes: number },
) {
  const { avatarId, corpusId } = input;
  return addDocument(
    db,
    actor,
    { avatarId, corpusId, title: input.title, filename: null, format: "markdown", bytes: new TextEncoder().encode(input.text), provenance: input.provenance },
    limits,
  );
}

/** Source and year of documents, and whose shared knowledge they are (the hospital's, a department's), for citations. */
export async function documentProvenance(
  db: Db,
  documentIds: string[],
): Promise<Map<string, { source: string | null; year: string | null; owner?: CitationOwner }>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db
    .select({ id: documents.id, source: documents.sourceName, year: documents.edition, corpusId: documents.corpusId })
    .from(documents)
    .where(inArray(documents.id, [...new Set(documentIds)]));
  const owners = await corpusOwners(db, rows.flatMap((r) => (r.corpusId ? [r.corpusId] : [])));
  return new Map(rows.map((r) => [r.id, { source: r.source, year: r.year, owner: r.corpusId ? owners.get(r.corpusId) : undefined }]));
}

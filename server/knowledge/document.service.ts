import { createHash } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { documentFiles, documents, passages } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { getAvatarOrThrow } from "@/server/avatars/avatar.service";
import { AppError } from "@/server/lib/errors";
import { type DocumentFormat, parseDocument } from "./ingest/parse";

export type DocumentRow = typeof documents.$inferSelect;

export function assertWithinUploadLimit(name: string, byteSize: number, limits: { maxBytes: number }): void {
  if (byteSize > limits.maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new AppError("payload_too_large", `"${name}" is ${mb(byteSize)} MB; the limit is ${mb(limits.maxBytes)} MB.`);
  }
}

export interface AddDocumentInput {
  avatarId: string;
  title: string;
  filename: string | null;
  format: DocumentFormat;
  bytes: Uint8Array;
}

/**
 * Stores an upload and queues it for processing; returns at once. Identical content already on the
 * avatar is recognised by hash and returned as it is, costing nothing.
 */
export async function addDocument(
  db: Db,
  actor: Actor,
  input: AddDocumentInput,
  limits: { maxBytes: number },
): Promise<{ document: DocumentRow; duplicate: boolean }> {
  const avatar = await getAvatarOrThrow(db, actor, input.avatarId, "edit");
  assertWithinUploadLimit(input.title, input.bytes.byteLength, limits);
  // Validate now so a bad file is refused with its reason instead of failing later in the job.
  parseDocument(input.bytes, input.format);
  const contentHash = createHash("sha256").update(input.bytes).digest("hex");
  const [existing] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.avatarId, avatar.id), eq(documents.contentHash, contentHash)));
  if (existing) return { document: existing, duplicate: true };

  const document = await db.transaction(async (tx) => {
    const [doc] = await tx
      .insert(documents)
      .values({
        orgId: actor.orgId,
        avatarId: avatar.id,
        title: input.title,
        filename: input.filename,
        format: input.format,
        contentHash,
        byteSize: input.bytes.byteLength,
      })
      .returning();
    await tx.insert(documentFiles).values({ documentId: doc!.id, orgId: actor.orgId, data: input.bytes });
    return doc!;
  });
  return { document, duplicate: false };
}

export async function listDocuments(db: Db, actor: Actor, unverifiedAvatarId: string) {
  const avatar = await getAvatarOrThrow(db, actor, unverifiedAvatarId, "read");
  return db.select().from(documents).where(eq(documents.avatarId, avatar.id)).orderBy(desc(documents.createdAt));
}

async function getDocumentOrThrow(db: Db, actor: Actor, unverifiedDocumentId: string, mode: "read" | "edit") {
  const [doc] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, unverifiedDocumentId), eq(documents.orgId, actor.orgId)));
  if (!doc) throw new AppError("not_found", "No such document in your organization.");
  await getAvatarOrThrow(db, actor, doc.avatarId, mode);
  return doc;
}

export async function listPassages(db: Db, actor: Actor, unverifiedDocumentId: string) {
  const doc = await getDocumentOrThrow(db, actor, unverifiedDocumentId, "read");
  return db
    .select({ id: passages.id, ordinal: passages.ordinal, headingPath: passages.headingPath, content: passages.content, page: passages.page })
    .from(passages)
    .where(eq(passages.documentId, doc.id))
    .orderBy(asc(passages.ordinal));
}

/** Disabling hides a document's passages from retrieval at once (retrieval joins on enabled). */
export async function setDocumentEnabled(db: Db, actor: Actor, unverifiedDocumentId: string, enabled: boolean) {
  const doc = await getDocumentOrThrow(db, actor, unverifiedDocumentId, "edit");
  const [updated] = await db.update(documents).set({ enabled, updatedAt: new Date() }).where(eq(documents.id, doc.id)).returning();
  return updated!;
}

/** Deletes the document, its stored file and its passages (cascade). */
export async function deleteDocument(db: Db, actor: Actor, unverifiedDocumentId: string) {
  const doc = await getDocumentOrThrow(db, actor, unverifiedDocumentId, "edit");
  await db.delete(documents).where(eq(documents.id, doc.id));
  return { id: doc.id };
}

/** Pasted text is stored and processed like an uploaded Markdown file. */
export async function pasteDocument(db: Db, actor: Actor, input: { avatarId: string; title: string; text: string }, limits: { maxBytes: number }) {
  return addDocument(db, actor, { avatarId: input.avatarId, title: input.title, filename: null, format: "markdown", bytes: new TextEncoder().encode(input.text) }, limits);
}

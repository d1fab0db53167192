/**
 * The indexing step of the ingestion job: parse, chunk, embed, then write the document's passages (and
 * an FAQ sheet's curated answers) in one transaction. A pending replacement is indexed the same way and
 * swapped into the document it replaces in that same transaction: the old passages serve until the new
 * ones are in, and if anything fails the old ones stay.
 */
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { curatedAnswers, documentFiles, documents, passages } from "@/db/schema";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { curatedKeywordVector } from "@/server/knowledge/retrieve/curated";
import { passageKeywordVector } from "@/server/knowledge/retrieve/keyword-index";
import { sameOwner } from "@/server/knowledge/owner";
import { AppError } from "@/server/lib/errors";
import { type Chunk, chunkDocument } from "./chunk";
import { parseDocument, type ParsedDocument } from "./parse";

type DocumentRow = typeof documents.$inferSelect;

const EMBED_BATCH = 64;
const INSERT_BATCH = 200;

/** An FAQ sheet's passages: one per pair, never cut — the question as its heading, the answer as its text. */
function faqChunks(parsed: ParsedDocument): Chunk[] {
  const faq = parsed.faq!;
  return faq.entries.map((entry, i) => ({
    ordinal: i,
    content: entry.answer,
    headingPath: [entry.question],
    charStart: faq.spans[i]!.start,
    charEnd: faq.spans[i]!.end,
    page: null,
  }));
}

export function chunksOf(parsed: ParsedDocument): Chunk[] {
  return parsed.faq ? faqChunks(parsed) : chunkDocument(parsed.text, { format: parsed.structure, pageBreaks: parsed.pageBreaks });
}

async function embedAll(embedder: Embedder, texts: string[], onProgress: (done: number) => Promise<void>): Promise<number[][]> {
  const vectors: number[][] = [];
  for (let i = 0; i < texts.length; i += EMBED_BATCH) {
    vectors.push(...(await embedder.embed(texts.slice(i, i + EMBED_BATCH))));
    await onProgress(vectors.length);
  }
  return vectors;
}

/**
 * Indexes one claimed document (or pending replacement). Throws AppError for content that cannot be
 * indexed (the job records the message on the document); other errors are the job's to retry.
 */
export async function indexDocument(db: Db, embedder: Embedder, doc: DocumentRow, setProgress: (progress: number) => Promise<void>): Promise<void> {
  const [file] = await db.select({ data: documentFiles.data }).from(documentFiles).where(eq(documentFiles.documentId, doc.id));
  if (!file) throw new AppError("bad_request", "The uploaded file is missing. Upload the document again.");
  const bytes = new Uint8Array(file.data);
  const parsed = await parseDocument(bytes, doc.format);
  const chunks = chunksOf(parsed);
  if (chunks.length === 0) throw new AppError("bad_request", "The document has no text to index (only headings or blank lines).");
  const faq = parsed.faq?.entries ?? [];

  const total = chunks.length + faq.length;
  const progress = (done: number) => setProgress(Math.round((90 * done) / total));
  const vectors = await embedAll(embedder, chunks.map((c) => [...c.headingPath, c.content].join("\n")), progress);
  const questionVectors = await embedAll(embedder, faq.map((e) => e.question), (done) => progress(chunks.length + done));

  const targetId = doc.replacesDocumentId ?? doc.id;
  await db.transaction(async (tx) => {
    // Lock the document the passages belong to: a replacement and the original's own job never interleave.
    const [target] = await tx.select().from(documents).where(eq(documents.id, targetId)).for("update");
    if (!target) return; // deleted meanwhile (a pending replacement goes with it)
    if (!doc.replacesDocumentId && target.contentHash !== doc.contentHash) return; // a replacement was swapped in meanwhile
    if (doc.replacesDocumentId) {
      const [clash] = await tx
        .select({ title: documents.title })
        .from(documents)
        .where(and(sameOwner(target), eq(documents.contentHash, doc.contentHash), ne(documents.id, target.id), isNull(documents.replacesDocumentId)));
      if (clash) throw new AppError("bad_request", `This file is already on this ${target.corpusId ? "shared corpus" : "avatar"} as “${clash.title}”, so it cannot replace “${target.title}”.`);
      // The replacement row goes first: the original takes over its content hash.
      await tx.delete(documents).where(eq(documents.id, doc.id));
      await tx.update(documentFiles).set({ data: bytes }).where(eq(documentFiles.documentId, target.id));
    }
    const title = doc.replacesDocumentId ? doc.title : target.title;

    await tx.delete(passages).where(eq(passages.documentId, target.id));
    await tx.delete(curatedAnswers).where(eq(curatedAnswers.documentId, target.id));
    for (let i = 0; i < chunks.length; i += INSERT_BATCH) {
      await tx.insert(passages).values(
        chunks.slice(i, i + INSERT_BATCH).map((c, j) => ({
          orgId: target.orgId,
          avatarId: target.avatarId,
          corpusId: target.corpusId,
          documentId: target.id,
          ordinal: c.ordinal,
          headingPath: c.headingPath,
          content: c.content,
          charStart: c.charStart,
          charEnd: c.charEnd,
          page: c.page,
          keywords: passageKeywordVector({ title, headingPath: c.headingPath, content: c.content }),
          embedding: vectors[i + j]!,
          embedder: embedder.id,
        })),
      );
    }
    for (let i = 0; i < faq.length; i += INSERT_BATCH) {
      await tx.insert(curatedAnswers).values(
        faq.slice(i, i + INSERT_BATCH).map((entry, j) => ({
          orgId: target.orgId,
          avatarId: target.avatarId,
          corpusId: target.corpusId,
          documentId: target.id,
          question: entry.question,
          answer: entry.answer,
          urgency: entry.urgency ?? null,
          keywords: curatedKeywordVector(entry.question, entry.answer),
          embedding: questionVectors[i + j]!,
          embedder: embedder.id,
        })),
      );
    }
    await tx
      .update(documents)
      .set({
        status: "ready",
        progress: 100,
        passageCount: chunks.length,
        error: null,
        updatedAt: new Date(),
        ...(doc.replacesDocumentId
          ? { title: doc.title, filename: doc.filename, format: doc.format, contentHash: doc.contentHash, byteSize: doc.byteSize }
          : {}),
      })
      .where(eq(documents.id, target.id));
  });
}

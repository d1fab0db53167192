/**
 * The indexing step of the ingestion job. The ingestion worker parses, chunks and (offline) embeds
 * (ingest-worker.ts); here, in the process that owns the database, the passages are written as a new
 * generation beside the live one, in small batches that let other queries and requests through, and
 * then one short transaction makes them live (and swaps a pending replacement into the document it
 * replaces): the old passages serve until the new ones are in, and if anything fails the old ones stay.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { curatedAnswers, documentFiles, documents, passages, termAssociations } from "@/db/schema";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { curatedKeywordVector } from "@/server/knowledge/retrieve/curated";
import { keywordVectorSql } from "@/server/knowledge/retrieve/keyword-index";
import { sameOwner } from "@/server/knowledge/owner";
import { TOKENIZER_VERSION } from "@/server/knowledge/text/tokenize";
import { dropUnpinnedGenerations } from "@/server/knowledge/pins";
import { AppError } from "@/server/lib/errors";
import { prepareInWorker } from "./ingest-worker";
import type { PreparedDocument } from "./prepare";

type DocumentRow = typeof documents.$inferSelect;

const EMBED_BATCH = 64;
/**
 * Passages per insert. On the embedded engine each insert runs on the main thread and holds the database
 * (its HNSW insertions cost milliseconds a row), so batches stay small and the event loop turns between them.
 */
export const WRITE_BATCH = 8;
const INSERT_BATCH = 200;


async function embedAll(embedder: Embedder, texts: string[], onProgress: (done: number) => Promise<void>): Promise<number[][]> {
  const vectors: number[][] = [];
  for (let i = 0; i < texts.length; i += EMBED_BATCH) {
    vectors.push(...(await embedder.embed(texts.slice(i, i + EMBED_BATCH))));
    await onProgress(vectors.length);
  }
  return vectors;
}

/**
 * The vector of chunk i (and of FAQ question i): made in the worker (offline) and read from its buffer as
 * each batch is written, or made here by the embedder.
 */
async function vectorsOf(
  embedder: Embedder,
  prepared: PreparedDocument,
  onProgress: (done: number) => Promise<void>,
): Promise<{ chunk: (i: number) => number[]; question: (i: number) => number[] }> {
  const n = prepared.chunks.length;
  const fromWorker = prepared.vectors;
  if (fromWorker) {
    const d = embedder.dimensions;
    const row = (i: number) => Array.from(fromWorker.subarray(i * d, (i + 1) * d));
    return { chunk: row, question: (i) => row(n + i) };
  }
  const chunks = await embedAll(embedder, prepared.embedTexts, onProgress);
  const questions = await embedAll(embedder, prepared.faq.map((e) => e.question), (done) => onProgress(n + done));
  return { chunk: (i) => chunks[i]!, question: (i) => questions[i]! };
}

/**
 * Indexes one claimed document (or pending replacement). Throws AppError for content that cannot be
 * indexed (the job records the message on the document); other errors are the job's to retry.
 */
export async function indexDocument(db: Db, embedder: Embedder, doc: DocumentRow, setProgress: (progress: number) => Promise<void>): Promise<void> {
  const [file] = await db.select({ data: documentFiles.data }).from(documentFiles).where(eq(documentFiles.documentId, doc.id));
  if (!file) throw new AppError("bad_request", "The uploaded file is missing. Upload the document again.");
  const bytes = new Uint8Array(file.data);
  const prepared = await prepareInWorker({ bytes, format: doc.format, title: doc.title, embedOffline: embedder.offline === true });
  const { chunks, faq } = prepared;
  if (chunks.length === 0) throw new AppError("bad_request", "The document has no text to index (only headings or blank lines).");

  // Progress: embedding here (when not done in the worker) and writing the passages, each a unit of work.
  const embedUnits = prepared.vectors ? 0 : chunks.length + faq.length;
  let shown = -1;
  // Only a changed percentage is written: a query per batch would add a thousand writes to a large document.
  const progress = async (done: number) => {
    const percent = Math.round((95 * done) / (embedUnits + chunks.length));
    if (percent !== shown) await setProgress((shown = percent));
  };
  const vectors = await vectorsOf(embedder, prepared, progress);

  const targetId = doc.replacesDocumentId ?? doc.id;
  const [owner] = await db.select({ orgId: documents.orgId, avatarId: documents.avatarId, corpusId: documents.corpusId }).from(documents).where(eq(documents.id, targetId));
  if (!owner) return; // deleted meanwhile (a pending replacement goes with it)
  const generation = crypto.randomUUID();
  let live = false;
  try {
    for (let i = 0; i < chunks.length; i += WRITE_BATCH) {
      await db.insert(passages).values(
        chunks.slice(i, i + WRITE_BATCH).map((c, j) => {
          const fields = prepared.keywordFields[i + j]!;
          return {
            ...owner,
            documentId: targetId,
            generation,
            ordinal: c.ordinal,
            headingPath: c.headingPath,
            content: c.content,
            charStart: c.charStart,
            charEnd: c.charEnd,
            page: c.page,
            keywords: keywordVectorSql(sql`${fields.head}`, sql`${fields.concepts}`, sql`${fields.body}`),
            embedding: vectors.chunk(i + j),
            embedder: embedder.id,
          };
        }),
      );
      await progress(embedUnits + Math.min(i + WRITE_BATCH, chunks.length));
      // Lets timers, I/O and queued queries run: PGlite settles queries without returning to the event loop.
      await nextTurn();
    }
    live = await swapIn(db, embedder, doc, { targetId, generation, passageCount: chunks.length, faq, ocrPages: prepared.ocrPages, aliases: prepared.aliases, questionVector: vectors.question, bytes });
  } catch (e) {
    // The document was deleted while its passages were being written: nothing to index any more.
    const [stillThere] = await db.select({ id: documents.id }).from(documents).where(eq(documents.id, targetId));
    if (!stillThere) return;
    throw e;
  } finally {
    if (!live) await db.delete(passages).where(and(eq(passages.documentId, targetId), eq(passages.generation, generation)));
  }
}

interface Swap {
  targetId: string;
  generation: string;
  passageCount: number;
  faq: PreparedDocument["faq"];
  ocrPages: PreparedDocument["ocrPages"];
  aliases: PreparedDocument["aliases"];
  questionVector: (i: number) => number[];
  bytes: Uint8Array;
}

/** Makes the written generation live in one short transaction; false when the document changed meanwhile. */
async function swapIn(db: Db, embedder: Embedder, doc: DocumentRow, swap: Swap): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Lock the document the passages belong to: a replacement and the original's own job never interleave.
    const [target] = await tx.select().from(documents).where(eq(documents.id, swap.targetId)).for("update");
    if (!target) return false; // deleted meanwhile (a pending replacement goes with it)
    if (!doc.replacesDocumentId && target.contentHash !== doc.contentHash) return false; // a replacement was swapped in meanwhile
    // Another job's swap of the same document removes the generations beside its own: then this one is retried.
    const [written] = await tx.select({ n: sql<number>`count(*)::int` }).from(passages).where(and(eq(passages.documentId, target.id), eq(passages.generation, swap.generation)));
    if (Number(written?.n) !== swap.passageCount) throw new Error("The document's new passages were removed while they were written (another job swapped it); retrying.");
    if (doc.replacesDocumentId) {
      const [clash] = await tx
        .select({ title: documents.title })
        .from(documents)
        .where(and(sameOwner(target), eq(documents.contentHash, doc.contentHash), ne(documents.id, target.id), isNull(documents.replacesDocumentId)));
      if (clash) throw new AppError("bad_request", `This file is already on this ${target.corpusId ? "shared corpus" : "avatar"} as “${clash.title}”, so it cannot replace “${target.title}”.`);
      // The replacement row goes first: the original takes over its content hash.
      await tx.delete(documents).where(eq(documents.id, doc.id));
      await tx.update(documentFiles).set({ data: swap.bytes }).where(eq(documentFiles.documentId, target.id));
    }
    for (let i = 0; i < swap.faq.length; i += INSERT_BATCH) {
      await tx.insert(curatedAnswers).values(
        swap.faq.slice(i, i + INSERT_BATCH).map((entry, j) => ({
          orgId: target.orgId,
          avatarId: target.avatarId,
          corpusId: target.corpusId,
          documentId: target.id,
          generation: swap.generation,
          question: entry.question,
          answer: entry.answer,
          urgency: entry.urgency ?? null,
          keywords: curatedKeywordVector(entry.question, entry.answer),
          embedding: swap.questionVector(i + j),
          embedder: embedder.id,
          tokenizerVersion: TOKENIZER_VERSION,
        })),
      );
    }
    // The document's term associations are replaced with what this version of it teaches.
    await tx.delete(termAssociations).where(eq(termAssociations.documentId, target.id));
    for (let i = 0; i < swap.aliases.length; i += INSERT_BATCH) {
      await tx.insert(termAssociations).values(
        swap.aliases.slice(i, i + INSERT_BATCH).map((pair) => ({ orgId: target.orgId, avatarId: target.avatarId, corpusId: target.corpusId, documentId: target.id, ...pair })),
      );
    }
    await tx
      .update(documents)
      .set({
        status: "ready",
        tokenizerVersion: TOKENIZER_VERSION,
        progress: 100,
        passageCount: swap.passageCount,
        passageGeneration: swap.generation,
        ocrPages: swap.ocrPages,
        error: null,
        updatedAt: new Date(),
        ...(doc.replacesDocumentId
          ? { title: doc.title, filename: doc.filename, format: doc.format, contentHash: doc.contentHash, byteSize: doc.byteSize }
          : {}),
      })
      .where(eq(documents.id, target.id));
    // Deleting only marks rows dead (no index work), so this stays short however large the old generation.
    // A generation a published version or a pending review pins stays while its content is replaced: patients keep what was reviewed.
    await dropUnpinnedGenerations(tx, [target.id]);
    return true;
  });
}

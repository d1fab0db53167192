/**
 * Changing the embedder or the keyword tokenizer re-indexes instead of mixing vectors or tokens. Every vector records the embedder that
 * made it; retrieval ranks only the active embedder's vectors (keyword search still finds the rest), and
 * on start every ready document with vectors from another embedder goes back on the ingestion queue,
 * where the background worker re-embeds it. Until then its old passages keep serving keyword search.
 * Likewise a document indexed under another TOKENIZER_VERSION (Chinese words, the lexicon's concepts)
 * goes back on the queue, and hand-written curated answers get their keywords rebuilt in place.
 */
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { curatedAnswers, documents, passages } from "@/db/schema";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { logInfo } from "@/server/lib/log";
import { curatedKeywordVector } from "@/server/knowledge/retrieve/curated";
import { TOKENIZER_VERSION } from "@/server/knowledge/text/tokenize";

/** Re-queues the documents indexed by another embedder; returns how many. */
export async function requeueForEmbedder(db: Db, embedder: Embedder): Promise<number> {
  const rows = await db.execute<{ id: string }>(sql`
    update ${documents} d set status = 'queued', attempts = 0, progress = 0, error = null, updated_at = now()
    where d.status = 'ready'
      and (exists (select 1 from ${passages} p where p.document_id = d.id and p.generation = d.passage_generation and p.embedder <> ${embedder.id})
        or exists (select 1 from ${curatedAnswers} c where c.document_id = d.id and c.generation = d.passage_generation and c.embedder <> ${embedder.id}))
    returning d.id`);
  return rowsOf<{ id: string }>(rows).length;
}

/** Re-queues the ready documents whose passages another tokenizer version indexed; returns how many. */
export async function requeueForTokenizer(db: Db): Promise<number> {
  const rows = await db.execute<{ id: string }>(sql`
    update ${documents} d set status = 'queued', attempts = 0, progress = 0, error = null, updated_at = now()
    where d.status = 'ready' and d.tokenizer_version <> ${TOKENIZER_VERSION}
    returning d.id`);
  return rowsOf<{ id: string }>(rows).length;
}

/** Rebuilds the keywords of hand-written curated answers tokenized by another version; returns how many. */
export async function retokenizeCuratedAnswers(db: Db, batchSize = 200): Promise<number> {
  let done = 0;
  for (;;) {
    const stale = await db
      .select({ id: curatedAnswers.id, question: curatedAnswers.question, answer: curatedAnswers.answer })
      .from(curatedAnswers)
      .where(and(isNull(curatedAnswers.documentId), ne(curatedAnswers.tokenizerVersion, TOKENIZER_VERSION)))
      .limit(batchSize);
    if (stale.length === 0) return done;
    await db.transaction(async (tx) => {
      for (const c of stale) {
        await tx.update(curatedAnswers).set({ keywords: curatedKeywordVector(c.question, c.answer), tokenizerVersion: TOKENIZER_VERSION }).where(eq(curatedAnswers.id, c.id));
      }
    });
    done += stale.length;
  }
}

/** Hand-written curated answers belong to no document: their question vectors are re-embedded here. */
export async function reembedCuratedAnswers(db: Db, embedder: Embedder, batchSize = 64): Promise<number> {
  let done = 0;
  for (;;) {
    const stale = await db
      .select({ id: curatedAnswers.id, question: curatedAnswers.question })
      .from(curatedAnswers)
      .where(and(isNull(curatedAnswers.documentId), ne(curatedAnswers.embedder, embedder.id)))
      .limit(batchSize);
    if (stale.length === 0) return done;
    const vectors = await embedder.embed(stale.map((c) => c.question));
    await db.transaction(async (tx) => {
      for (const [i, c] of stale.entries()) {
        await tx.update(curatedAnswers).set({ embedding: vectors[i]!, embedder: embedder.id }).where(eq(curatedAnswers.id, c.id));
      }
    });
    done += stale.length;
  }
}

/**
 * The start-up step: everything indexed by another embedder is brought to the active one, and
 * everything tokenized by another tokenizer version to the current one.
 */
export async function reindexForEmbedder(db: Db, embedder: Embedder): Promise<{ documents: number; curatedAnswers: number }> {
  const requeued = (await requeueForEmbedder(db, embedder)) + (await requeueForTokenizer(db));
  const reembedded = await reembedCuratedAnswers(db, embedder);
  const retokenized = await retokenizeCuratedAnswers(db);
  if (requeued > 0 || reembedded > 0 || retokenized > 0) {
    logInfo("re-indexing for the active embedder and tokenizer", { embedder: embedder.id, tokenizer: TOKENIZER_VERSION, documents: requeued, curatedAnswers: reembedded, retokenizedCuratedAnswers: retokenized });
  }
  return { documents: requeued, curatedAnswers: reembedded };
}

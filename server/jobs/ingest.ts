import { eq, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { curatedAnswers, documents, EMBEDDING_DIMENSIONS, passages } from "@/db/schema";
import { type Embedder, EmbeddingError } from "@/server/knowledge/embed/embedder";
import { indexDocument } from "@/server/knowledge/ingest/index-document";
import { refreshAvatarStats } from "@/server/knowledge/retrieve/avatar-stats";
import { isAppError } from "@/server/lib/errors";

/** A document left "processing" this long belongs to a worker that died: it is taken up again. */
export const LEASE_SECONDS = 300;
/** Attempts before a document that keeps failing (or keeps killing its worker) is marked failed. */
export const MAX_ATTEMPTS = 5;
/** Retry n waits RETRY_BASE_SECONDS * 2^(n-1), at most RETRY_MAX_SECONDS: 30 s, 1, 2, 4 min. */
export const RETRY_BASE_SECONDS = 30;
export const RETRY_MAX_SECONDS = 15 * 60;

/** How long a document that failed its `attempts`-th attempt waits before the next one. */
export function retryDelaySeconds(attempts: number): number {
  return attempts <= 0 ? 0 : Math.min(RETRY_BASE_SECONDS * 2 ** (attempts - 1), RETRY_MAX_SECONDS);
}

/**
 * The same schedule in SQL. The queue has no "run after" column yet, so a queued document's
 * updated_at (set when its last attempt failed) plus this delay is when it is due again.
 */
const retryDelaySql = sql`make_interval(secs => case when attempts <= 0 then 0 else least(${RETRY_BASE_SECONDS}::float8 * power(2, attempts - 1), ${RETRY_MAX_SECONDS}::float8) end)`;

/**
 * Claims the next due document: a queued one whose retry delay has passed, or one whose worker died
 * (its lease ran out). SKIP LOCKED lets several workers on a Postgres server share the queue; the queue
 * state lives in the documents table, so it survives restarts. A document whose worker died on each of
 * its MAX_ATTEMPTS attempts (say, it exhausts memory) is failed rather than taken up forever.
 */
export async function claimNextDocument(db: Db) {
  await db.execute(sql`
    update ${documents} set status = 'failed', progress = 0, updated_at = now(),
      error = ${`Processing did not finish after ${MAX_ATTEMPTS} attempts.`}
    where status = 'processing' and attempts >= ${MAX_ATTEMPTS} and updated_at < now() - make_interval(secs => ${LEASE_SECONDS})`);
  const rows = await db.execute<{ id: string }>(sql`
    update ${documents} set status = 'processing', attempts = attempts + 1, progress = 0, error = null, updated_at = now()
    where id = (
      select id from ${documents}
      where (status = 'queued' and updated_at <= now() - ${retryDelaySql})
         or (status = 'processing' and updated_at < now() - make_interval(secs => ${LEASE_SECONDS}))
      order by created_at
      for update skip locked
      limit 1
    )
    returning id`);
  return rowsOf<{ id: string }>(rows)[0]?.id ?? null;
}

/** The index holds vectors of one size; an embedder of another size must not take any job. */
export function assertEmbedderFitsIndex(embedder: Embedder): void {
  if (embedder.dimensions !== EMBEDDING_DIMENSIONS) {
    throw new Error(
      `The embedder ${embedder.id} makes ${embedder.dimensions}-dimensional vectors, but passages.embedding holds ${EMBEDDING_DIMENSIONS}. ` +
        "Use a model of that size (EMBEDDING_DIMENSIONS) or migrate the column first; no document was processed.",
    );
  }
}

async function setProgress(db: Db, documentId: string, progress: number) {
  await db.update(documents).set({ progress, updatedAt: new Date() }).where(eq(documents.id, documentId));
}

/** Parses, chunks, embeds and indexes one claimed document (see indexDocument); failures are recorded or retried. */
export async function processDocument(db: Db, embedder: Embedder, documentId: string): Promise<void> {
  assertEmbedderFitsIndex(embedder);
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
  if (!doc) return;
  try {
    // Parse, chunk, embed and swap the passages in (a pending replacement into the document it replaces).
    await indexDocument(db, embedder, doc, (progress) => setProgress(db, doc.id, progress));
  } catch (e) {
    // Bad content fails for good with its reason; anything else (an embedding endpoint that is down, a
    // lost connection) is retried with exponential backoff, up to MAX_ATTEMPTS attempts in all.
    const permanent = isAppError(e) || doc.attempts >= MAX_ATTEMPTS;
    // An embedding endpoint's error says what to fix; other internals stay in the server log.
    const reason = e instanceof EmbeddingError ? e.message : "an internal error; see the server log";
    if (!isAppError(e)) console.error("[fenshen] ingestion failed", doc.id, e);
    const error = isAppError(e)
      ? e.message
      : permanent
        ? `Processing failed after ${doc.attempts} attempts: ${reason}`
        : `Attempt ${doc.attempts} failed (${reason}); retrying in ${retryDelaySeconds(doc.attempts)} s.`;
    // now(), not the app's clock: the claim query measures the retry delay against the database's.
    await db
      .update(documents)
      .set({ status: permanent ? "failed" : "queued", error, updatedAt: sql`now()` })
      .where(eq(documents.id, doc.id));
  }
}

/**
 * Embedded PGlite has no autovacuum, so ingestion does its chores. Without fresh statistics the planner
 * takes an avatar's thousands of passages for one row and picks nested loops that make retrieval several
 * times slower. New keyword entries wait in the GIN index's pending list, which every keyword search
 * scans in full until a vacuum merges it (30 ms per query at 10k passages): merge it now.
 */
async function tidyIndexes(db: Db): Promise<void> {
  await db.execute(sql`analyze ${passages}, ${documents}, ${curatedAnswers}`);
  await db.execute(sql`select gin_clean_pending_list(i.indexrelid)
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
    where a.amname = 'gin' and i.indrelid in ('passages'::regclass, 'curated_answers'::regclass)`);
}

/** Processes due documents until none is left (documents waiting for a retry stay queued). */
export async function drainIngestionQueue(db: Db, embedder: Embedder): Promise<number> {
  assertEmbedderFitsIndex(embedder);
  let processed = 0;
  const avatarIds = new Set<string>();
  for (let id = await claimNextDocument(db); id; id = await claimNextDocument(db)) {
    const [doc] = await db.select({ avatarId: documents.avatarId }).from(documents).where(eq(documents.id, id));
    if (doc) avatarIds.add(doc.avatarId);
    await processDocument(db, embedder, id);
    processed++;
  }
  if (processed > 0) {
    await tidyIndexes(db);
    // The keyword statistics are recounted now, not when the next patient asks.
    await refreshAvatarStats(db, avatarIds);
  }
  return processed;
}

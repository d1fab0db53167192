import { setImmediate as nextTurn } from "node:timers/promises";
import { eq, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { curatedAnswers, documents, passages } from "@/db/schema";
import { type Embedder, EmbeddingError } from "@/server/knowledge/embed/embedder";
import { indexDocument } from "@/server/knowledge/ingest/index-document";
import { refreshAvatarStats } from "@/server/knowledge/retrieve/avatar-stats";
import { isAppError } from "@/server/lib/errors";
import { logError } from "@/server/lib/log";
import { announceOrgChange } from "@/server/http/org-events";
import type { HeldLease, JobControl } from "./leases";

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
export async function claimNextDocument(db: Db): Promise<string | null> {
  return (await claimDocument(db))?.id ?? null;
}

/** The same claim, with the attempt it counts (the fence releaseDocument checks). */
async function claimDocument(db: Db): Promise<{ id: string; attempts: number } | null> {
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
    returning id, attempts`);
  return rowsOf<{ id: string; attempts: number }>(rows)[0] ?? null;
}

/**
 * Gives a claimed document back to the queue, due at once, as if the interrupted attempt had not been
 * made (a worker shutting down). Only while the claim is still this attempt's: a document whose lease
 * ran out and that another worker took up is left alone.
 */
export async function releaseDocument(db: Db, lease: HeldLease): Promise<boolean> {
  const rows = await db.execute<{ id: string }>(sql`
    update ${documents} set status = 'queued', attempts = attempts - 1, progress = 0, error = null,
      updated_at = now() - make_interval(secs => ${RETRY_MAX_SECONDS})
    where id = ${lease.id} and status = 'processing' and attempts = ${lease.attempts}
    returning id`);
  return rowsOf(rows).length > 0;
}

/** pgvector's largest vector (any size up to it is stored; INDEXED_DIMENSIONS also get an HNSW index). */
export const MAX_VECTOR_DIMENSIONS = 16_000;

/** An embedder whose vectors pgvector cannot store must not take any job. */
export function assertEmbedderFitsIndex(embedder: Embedder): void {
  if (!Number.isInteger(embedder.dimensions) || embedder.dimensions < 1 || embedder.dimensions > MAX_VECTOR_DIMENSIONS) {
    throw new Error(
      `The embedder ${embedder.id} makes ${embedder.dimensions}-dimensional vectors; pgvector stores 1 to ${MAX_VECTOR_DIMENSIONS}. ` +
        "Use another model (EMBEDDING_DIMENSIONS); no document was processed.",
    );
  }
}

/** NOTIFY channel whose payload is the organization id whose documents' status or progress changed. */
export const DOCUMENT_CHANNEL = "fenshen_documents";

/** Records progress (which also renews the lease) and tells the organization's open document lists. */
async function setProgress(db: Db, documentId: string, progress: number) {
  await db.execute(sql`
    with d as (update ${documents} set progress = ${progress}, updated_at = now() where id = ${documentId} returning org_id)
    select pg_notify(${DOCUMENT_CHANNEL}, org_id::text) from d`);
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
    if (!isAppError(e)) logError("ingestion failed", e, { documentId: doc.id });
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
 * times slower. (The keyword GIN indexes are built with fastupdate off, so no pending list waits for a vacuum.)
 */
async function tidyIndexes(db: Db): Promise<void> {
  // One table at a time, letting requests in between: on PGlite each runs on the thread that serves them.
  // Passages: the columns queries filter on; statistics of the vectors and texts would cost time for nothing.
  await db.execute(sql`analyze ${passages} (avatar_id, corpus_id, document_id, generation, embedder, keywords)`);
  for (const table of [documents, curatedAnswers]) {
    await nextTurn();
    await db.execute(sql`analyze ${table}`);
  }
}

/**
 * Processes due documents until none is left (documents waiting for a retry stay queued), or until
 * `control` says the process is stopping; what it holds meanwhile is recorded in `control`.
 */
export async function drainIngestionQueue(db: Db, embedder: Embedder, control?: JobControl): Promise<number> {
  assertEmbedderFitsIndex(embedder);
  let processed = 0;
  const avatarIds = new Set<string>();
  const next = () => (control?.stopping() ? null : claimDocument(db));
  for (let claim = await next(); claim; claim = await next()) {
    const { id } = claim;
    const done = control?.hold({ queue: "ingestion", ...claim });
    const [doc] = await db.select({ avatarId: documents.avatarId, orgId: documents.orgId }).from(documents).where(eq(documents.id, id));
    if (doc?.avatarId) avatarIds.add(doc.avatarId);
    if (doc) await announceOrgChange(db, DOCUMENT_CHANNEL, doc.orgId);
    await processDocument(db, embedder, id);
    if (doc) await announceOrgChange(db, DOCUMENT_CHANNEL, doc.orgId);
    done?.();
    processed++;
  }
  if (processed > 0) {
    await tidyIndexes(db);
    // The keyword statistics are recounted now, not when the next patient asks.
    await refreshAvatarStats(db, avatarIds);
  }
  return processed;
}

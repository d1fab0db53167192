import { eq, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { documentFiles, documents, EMBEDDING_DIMENSIONS, passages } from "@/db/schema";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { chunkDocument } from "@/server/knowledge/ingest/chunk";
import { type DocumentFormat, parseDocument } from "@/server/knowledge/ingest/parse";
import { passageKeywordVector } from "@/server/knowledge/retrieve/keyword-index";
import { isAppError } from "@/server/lib/errors";

const EMBED_BATCH = 64;
/** A document left "processing" this long belongs to a worker that died: it is taken up again. */
const LEASE_SECONDS = 300;
const MAX_ATTEMPTS = 3;

/**
 * Claims the next queued document (or one whose worker died). SKIP LOCKED lets several workers on a
 * Postgres server share the queue; the queue state lives in the documents table, so it survives restarts.
 */
export async function claimNextDocument(db: Db) {
  const rows = await db.execute<{ id: string }>(sql`
    update ${documents} set status = 'processing', attempts = attempts + 1, progress = 0, error = null, updated_at = now()
    where id = (
      select id from ${documents}
      where status = 'queued' or (status = 'processing' and updated_at < now() - make_interval(secs => ${LEASE_SECONDS}))
      order by created_at
      for update skip locked
      limit 1
    )
    returning id`);
  return rowsOf<{ id: string }>(rows)[0]?.id ?? null;
}

async function setProgress(db: Db, documentId: string, progress: number) {
  await db.update(documents).set({ progress, updatedAt: new Date() }).where(eq(documents.id, documentId));
}

/** Parses, chunks, embeds and indexes one claimed document; passages are swapped in one transaction. */
export async function processDocument(db: Db, embedder: Embedder, documentId: string): Promise<void> {
  if (embedder.dimensions !== EMBEDDING_DIMENSIONS) {
    throw new Error(`Embedder ${embedder.id} has ${embedder.dimensions} dimensions; the index holds ${EMBEDDING_DIMENSIONS}.`);
  }
  const [row] = await db
    .select({ doc: documents, data: documentFiles.data })
    .from(documents)
    .innerJoin(documentFiles, eq(documentFiles.documentId, documents.id))
    .where(eq(documents.id, documentId));
  if (!row) return;
  const { doc } = row;
  try {
    const parsed = parseDocument(new Uint8Array(row.data), doc.format as DocumentFormat);
    const chunks = chunkDocument(parsed.text, { format: parsed.format });
    const vectors: number[][] = [];
    for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
      const batch = chunks.slice(i, i + EMBED_BATCH);
      vectors.push(...(await embedder.embed(batch.map((c) => [...c.headingPath, c.content].join("\n")))));
      await setProgress(db, doc.id, Math.round((90 * vectors.length) / chunks.length));
    }
    await db.transaction(async (tx) => {
      // Re-running a job replaces, never duplicates, the document's passages.
      await tx.delete(passages).where(eq(passages.documentId, doc.id));
      for (let i = 0; i < chunks.length; i += 200) {
        await tx.insert(passages).values(
          chunks.slice(i, i + 200).map((c, j) => ({
            orgId: doc.orgId,
            avatarId: doc.avatarId,
            documentId: doc.id,
            ordinal: c.ordinal,
            headingPath: c.headingPath,
            content: c.content,
            charStart: c.charStart,
            charEnd: c.charEnd,
            page: c.page,
            keywords: passageKeywordVector({ title: doc.title, headingPath: c.headingPath, content: c.content }),
            embedding: vectors[i + j]!,
            embedder: embedder.id,
          })),
        );
      }
      await tx
        .update(documents)
        .set({ status: "ready", progress: 100, passageCount: chunks.length, error: null, updatedAt: new Date() })
        .where(eq(documents.id, doc.id));
    });
  } catch (e) {
    // Bad content fails for good with its reason; anything else is retried a few times.
    const permanent = isAppError(e) || doc.attempts >= MAX_ATTEMPTS;
    const message = isAppError(e) ? e.message : "Processing failed; it will be retried.";
    if (!isAppError(e)) console.error("[fenshen] ingestion failed", doc.id, e);
    await db
      .update(documents)
      .set({ status: permanent ? "failed" : "queued", error: permanent && !isAppError(e) ? "Processing failed after several attempts." : message, updatedAt: new Date() })
      .where(eq(documents.id, doc.id));
  }
}

/** Processes queued documents until none is left. */
export async function drainIngestionQueue(db: Db, embedder: Embedder): Promise<number> {
  let processed = 0;
  for (let id = await claimNextDocument(db); id; id = await claimNextDocument(db)) {
    await processDocument(db, embedder, id);
    processed++;
  }
  // Embedded PGlite has no autovacuum: without fresh statistics the planner takes an avatar's thousands
  // of passages for one row and picks nested loops that make retrieval several times slower.
  if (processed > 0) await db.execute(sql`analyze ${passages}, ${documents}`);
  return processed;
}

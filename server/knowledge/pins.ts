/**
 * Pinned passage generations: what a published version (or a pending review) serves of each document,
 * its own and its shared corpora's. Replacing or re-indexing a document in the draft writes a new
 * generation; the pinned one stays until no published version or pending review names it, so patients
 * keep getting what was reviewed, and a change reaches them only through the next publish.
 */
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import type { PassagePin } from "@/db/schema";
import { includedCorpusIds } from "./corpus.service";
import { idArray } from "./retrieve/avatar-stats";

type Executor = Pick<Db, "execute">;

/**
 * What publishing the avatar's knowledge set now would pin: the live generation of each of these
 * documents of the avatar, and of the enabled, searchable documents of the shared corpora it includes.
 * Call inside the publishing transaction: the documents are locked against a concurrent swap, so the
 * generation read stays alive until the version naming it is committed.
 */
export async function currentPins(db: Executor, args: { avatarId: string; documentIds: readonly string[] }): Promise<PassagePin[]> {
  const corpusIds = await includedCorpusIds(db, args.avatarId);
  const rows = rowsOf<{ id: string; generation: string; content_hash: string; corpus_id: string | null }>(
    await db.execute(sql`
      select d.id, d.passage_generation as generation, d.content_hash, d.corpus_id from documents d
      where (d.avatar_id = ${args.avatarId} and d.id = any(${idArray(args.documentIds)}::text[]))
         or (d.corpus_id = any(${idArray(corpusIds)}::text[]) and d.enabled and d.replaces_document_id is null
             and d.status <> 'failed' and d.passage_count > 0)
      order by d.id
      for share of d`),
  );
  return rows.map((r) => ({ documentId: r.id, generation: r.generation, contentHash: r.content_hash, corpusId: r.corpus_id }));
}

/** Every pin of a current published version or a pending review. */
const PINNED = sql`(
  select x->>'documentId' as document_id, x->>'generation' as generation, x->>'contentHash' as content_hash
  from avatars a join avatar_versions v on v.id = a.published_version_id, jsonb_array_elements(v.pins) x
  union
  select x->>'documentId', x->>'generation', x->>'contentHash'
  from publish_requests r, jsonb_array_elements(r.pins) x where r.status = 'pending')`;

/**
 * Deletes the passages and FAQ entries of these documents that nothing serves: not the live generation,
 * and not a generation pinned with content the document no longer has (while it has the pinned content,
 * its live generation serves the pin). Call after a swap has updated the document.
 */
export async function dropUnpinnedGenerations(db: Executor, documentIds: readonly string[]): Promise<void> {
  if (documentIds.length === 0) return;
  const ids = idArray([...new Set(documentIds)]);
  const stale = (alias: string) => {
    const t = sql.raw(alias);
    return sql`${t}.document_id = any(${ids}::text[])
      and not exists (
        select 1 from documents d where d.id = ${t}.document_id
          and (d.passage_generation = ${t}.generation
            or exists (select 1 from ${PINNED} pinned
                       where pinned.document_id = d.id and pinned.generation = ${t}.generation and pinned.content_hash <> d.content_hash)))`;
  };
  await db.execute(sql`delete from passages p where ${stale("p")}`);
  await db.execute(sql`delete from curated_answers c where ${stale("c")}`);
}

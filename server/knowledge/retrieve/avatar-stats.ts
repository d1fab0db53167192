/**
 * Per-avatar statistics of the keyword index, kept so a query never counts them itself: how many
 * passages the avatar has, their mean length, and each term's document frequency. BM25 needs them, the
 * keyword leg uses the frequencies to pick which terms fetch candidates (rare ones), and the vector leg
 * the passage count to choose between exact and HNSW search.
 *
 * They are derived data, cached in the process and checked against the database on every query by a
 * cheap stamp over the avatar's documents (one indexed aggregate): any instance can recompute them, so
 * app servers stay stateless. New documents are added incrementally (ts_stat over their passages only);
 * a removed or re-indexed document triggers a full recount (ts_stat over the avatar, about 3 s per
 * 100k passages on PGlite), which ingestion does right away (refreshAvatarStats) rather than leaving it
 * to the next patient's question.
 */
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import type { PassagePin } from "@/db/schema";
import { includedCorpora, includedCorpusIds } from "@/server/knowledge/corpus.service";
import type { AliasPair } from "@/server/knowledge/text/aliases";

export interface AvatarStats {
  /** Passages of the avatar's searchable documents. */
  passages: number;
  /** Mean number of distinct keyword terms per passage (BM25's average length). */
  avgLength: number;
  /** How many of those passages contain each term. */
  df: ReadonlyMap<string, number>;
  /** Passages of all avatars (the planner's estimate), for the share this avatar has of the HNSW index. */
  tableRows: number;
  /** Term/alias pairs its documents state (term_associations), one array per cache entry (keyword-index.ts caches its matcher by it). */
  associations: readonly AliasPair[];
}

/** What one avatar's retrieval searches. */
export interface KnowledgeScope {
  avatarId: string;
  /** A published version's documents of the avatar, searched instead of its enabled ones. */
  documentIds?: readonly string[];
  /** The shared corpora the avatar includes: their enabled documents serve live (to the draft, and to a version published before pinning). */
  corpusIds?: readonly string[];
  /**
   * A published version's pinned passages (server/knowledge/pins.ts): exactly these generations of these
   * documents, its own and its shared corpora's, whatever the draft has done to them since.
   */
  pins?: readonly PassagePin[];
}

/**
 * Which documents are in the scope, before the status checks: the avatar's (enabled, or a published
 * version's set: disabling a document in the draft does not change that) and its shared corpora's enabled ones.
 */
export function inScope(alias: string, scope: KnowledgeScope): SQL {
  const d = sql.raw(alias);
  if (scope.pins) return sql`${d}.id = any(${idArray(scope.pins.map((p) => p.documentId))}::text[])`;
  return inScopeOf(alias, scope, scope.corpusIds?.length ? sql`${d}.corpus_id = any(${idArray(scope.corpusIds)}::text[])` : null);
}

/** inScope without pins, the shared corpora given as a condition on the document (null: none). */
function inScopeOf(alias: string, scope: Omit<KnowledgeScope, "pins" | "corpusIds">, inCorpora: SQL | null): SQL {
  const d = sql.raw(alias);
  const chosen = scope.documentIds ? sql`${d}.id = any(${idArray(scope.documentIds)}::text[])` : sql`${d}.enabled`;
  const own = sql`${d}.avatar_id = ${scope.avatarId} and ${chosen}`;
  if (!inCorpora) return own;
  return sql`((${own}) or (${inCorpora} and ${d}.enabled))`;
}

/**
 * The documents whose passages retrieval searches: in scope, with passages, and not failed. A queued or
 * processing document keeps serving the passages of its last successful run (a re-index after an
 * embedder change, a retry) until its job swaps the new ones in.
 */
export function searchableDocuments(alias: string, scope: KnowledgeScope, inScopeCondition: SQL = inScope(alias, scope)): SQL {
  const d = sql.raw(alias);
  return sql`${inScopeCondition} and ${d}.status <> 'failed' and ${d}.passage_count > 0`;
}

/**
 * Which of an in-scope document's passages serve: its live generation, unless it failed; for pins, the
 * pinned generation (kept alive while pinned, whatever the document's state).
 */
export function servedPassages(passage: string, document: string, scope: KnowledgeScope): SQL {
  const p = sql.raw(passage);
  const d = sql.raw(document);
  if (scope.pins) return sql`(${p}.document_id, ${p}.generation) in ${pinnedPairs(scope.pins)}`;
  return sql`${d}.status <> 'failed' and ${p}.generation = ${d}.passage_generation`;
}

/**
 * The (document, generation) pairs that pins serve, as a relation to test rows against: a document
 * still holding the pinned content serves its live generation, a replaced one the pinned generation.
 */
export function pinnedPairs(pins: readonly PassagePin[]): SQL {
  const column = (values: string[]) => sql`${idArray(values)}::text[]`;
  return sql`(select x.document_id, case when pd.content_hash = x.content_hash then pd.passage_generation else x.generation end
    from unnest(${column(pins.map((p) => p.documentId))}, ${column(pins.map((p) => p.generation))}, ${column(pins.map((p) => p.contentHash))}) as x(document_id, generation, content_hash)
    join documents pd on pd.id = x.document_id)`;
}

/** A text[] literal of ids (quotes and backslashes cannot occur in ids; they are dropped to be safe). */
export const idArray = (ids: readonly string[]) => `{${ids.map((id) => `"${id.replace(/["\\]/g, "")}"`).join(",")}}`;

interface DocumentKey {
  /** When its passages were last swapped in (updated_at of a ready document); null while re-processing. */
  readyAt: string | null;
  passages: number;
}

interface Entry {
  stamp: string;
  documents: Map<string, DocumentKey>;
  df: Map<string, number>;
  passages: number;
  /** Sum over passages of their distinct terms (= sum of document frequencies). */
  totalLength: number;
  tableRows: number;
  /** Term associations by document. */
  associationsByDocument: Map<string, AliasPair[]>;
  associations: AliasPair[];
}

/** Avatars kept; an avatar's entry holds one number per distinct term. */
const MAX_AVATARS = 64;
const cache = new Map<string, Entry>();
const inFlight = new Map<string, Promise<Entry>>();

const ids = (list?: readonly string[]) => (list ? [...list].sort().join(",") : "*");
const key = (db: Db, scope: KnowledgeScope) =>
  `${dbId(db)}:${scope.avatarId}:${ids(scope.documentIds)}:${ids(scope.corpusIds)}:${ids(scope.pins?.map((p) => `${p.documentId}@${p.generation}`))}`;
const dbIds = new WeakMap<object, number>();
let nextDbId = 1;
/** Tests open several databases in one process: entries are per database. */
function dbId(db: Db): number {
  let id = dbIds.get(db);
  if (id === undefined) dbIds.set(db, (id = nextDbId++));
  return id;
}

/** What the stamp is made of: the searchable documents' count, passages, last swap and unfinished jobs. */
const STAMP_COLUMNS = sql`count(*)::int as n, coalesce(sum(d.passage_count), 0)::int as passages,
             max(d.updated_at) filter (where d.status = 'ready')::text as ready_at,
             count(*) filter (where d.status <> 'ready')::int as pending`;

async function readStamp(db: Db, scope: KnowledgeScope): Promise<string> {
  const [row] = rowsOf<Record<string, unknown>>(await db.execute(sql`select ${STAMP_COLUMNS} from documents d where ${searchableDocuments("d", scope)}`));
  return JSON.stringify(row ?? null);
}

async function readDocuments(db: Db, scope: KnowledgeScope): Promise<Map<string, DocumentKey>> {
  const rows = rowsOf<{ id: string; status: string; updated_at: string; passage_count: number }>(
    await db.execute(sql`select d.id, d.status, d.updated_at::text as updated_at, d.passage_count from documents d where ${searchableDocuments("d", scope)}`),
  );
  return new Map(rows.map((r) => [r.id, { readyAt: r.status === "ready" ? r.updated_at : null, passages: Number(r.passage_count) }]));
}

/** Document frequencies over the passages the inner query selects (ts_stat reads each tsvector once). */
async function countTerms(db: Db, innerQuery: SQL): Promise<Map<string, number>> {
  const rows = rowsOf<{ word: string; ndoc: number }>(await db.execute(sql`select word, ndoc from ts_stat(${innerQuery})`));
  return new Map(rows.map((r) => [r.word, Number(r.ndoc)]));
}

async function readAssociations(db: Db, documentIds: string[], into: Map<string, AliasPair[]>): Promise<void> {
  if (documentIds.length === 0) return;
  const rows = rowsOf<{ document_id: string; term: string; alias: string }>(
    await db.execute(sql`select document_id, term, alias from term_associations where document_id = any(${idArray(documentIds)}::text[]) order by document_id, term, alias`),
  );
  for (const r of rows) {
    let list = into.get(r.document_id);
    if (!list) into.set(r.document_id, (list = []));
    list.push({ term: r.term, alias: r.alias });
  }
}

async function tableRows(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'passages'::regclass`));
  return Number(row?.n ?? 0);
}

/** ts_stat takes the text of a query; format(%L) quotes the values into it on the server. */
function passagesOfAvatar(avatarId: string): SQL {
  return sql`format('select p.keywords from passages p join documents d on d.id = p.document_id where d.avatar_id = %L and d.enabled and d.status <> %L and d.passage_count > 0 and p.avatar_id = %L and p.generation = d.passage_generation', ${avatarId}::text, 'failed', ${avatarId}::text)`;
}

function passagesOfDocuments(ids: string[]): SQL {
  return sql`format('select p.keywords from passages p join documents d on d.id = p.document_id where p.document_id = any(%L::text[]) and p.generation = d.passage_generation', ${idArray(ids)}::text)`;
}

async function build(db: Db, scope: KnowledgeScope, stamp: string, previous: Entry | undefined): Promise<Entry> {
  const documents = await readDocuments(db, scope);
  let added: string[] | null = [];
  if (previous) {
    for (const [id, before] of previous.documents) {
      const now = documents.get(id);
      // Gone, or its passages were swapped (a null readyAt means "not swapped yet": unchanged).
      if (!now || (now.readyAt !== null && now.readyAt !== before.readyAt) || now.passages !== before.passages) {
        added = null;
        break;
      }
    }
    if (added) for (const id of documents.keys()) if (!previous.documents.has(id)) added.push(id);
  }
  if (previous && added) {
    const df = new Map(previous.df);
    let totalLength = previous.totalLength;
    let passages = previous.passages;
    if (added.length > 0) {
      for (const [term, n] of await countTerms(db, passagesOfDocuments(added))) {
        df.set(term, (df.get(term) ?? 0) + n);
        totalLength += n;
      }
      for (const id of added) passages += documents.get(id)!.passages;
    }
    const associationsByDocument = new Map(previous.associationsByDocument);
    await readAssociations(db, added, associationsByDocument);
    return { stamp, documents, df, passages, totalLength, tableRows: await tableRows(db), ...withAssociations(associationsByDocument) };
  }
  const all = scope.documentIds || scope.corpusIds?.length ? passagesOfDocuments([...documents.keys()]) : passagesOfAvatar(scope.avatarId);
  const df = documents.size > 0 ? await countTerms(db, all) : new Map<string, number>();
  let totalLength = 0;
  for (const n of df.values()) totalLength += n;
  let passages = 0;
  for (const d of documents.values()) passages += d.passages;
  const associationsByDocument = new Map<string, AliasPair[]>();
  await readAssociations(db, [...documents.keys()], associationsByDocument);
  return { stamp, documents, df, passages, totalLength, tableRows: await tableRows(db), ...withAssociations(associationsByDocument) };
}

function withAssociations(associationsByDocument: Map<string, AliasPair[]>): Pick<Entry, "associationsByDocument" | "associations"> {
  return { associationsByDocument, associations: [...associationsByDocument.values()].flat() };
}

function toStats(entry: Entry): AvatarStats {
  return {
    passages: entry.passages,
    avgLength: entry.passages > 0 ? entry.totalLength / entry.passages : 0,
    df: entry.df,
    tableRows: Math.max(entry.tableRows, entry.passages),
    associations: entry.associations,
  };
}

/** A pinned scope's statistics, counted whole: its served pairs change rarely (see readPinnedStamp). */
async function buildPinned(db: Db, pins: readonly PassagePin[], stamp: string): Promise<Entry> {
  const [counted] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from passages p where (p.document_id, p.generation) in ${pinnedPairs(pins)}`));
  const passages = Number(counted?.n ?? 0);
  const pairs = rowsOf<{ document_id: string; generation: string }>(await db.execute(sql`select * from ${pinnedPairs(pins)} as s(document_id, generation)`));
  const inner = sql`format('select p.keywords from passages p where (p.document_id, p.generation) in (select * from unnest(%L::text[], %L::text[]))', ${idArray(pairs.map((p) => p.document_id))}::text, ${idArray(pairs.map((p) => p.generation))}::text)`;
  const df = passages > 0 ? await countTerms(db, inner) : new Map<string, number>();
  let totalLength = 0;
  for (const n of df.values()) totalLength += n;
  const associationsByDocument = new Map<string, AliasPair[]>();
  await readAssociations(db, [...new Set(pins.map((p) => p.documentId))], associationsByDocument);
  return { stamp, documents: new Map(), df, passages, totalLength, tableRows: await tableRows(db), ...withAssociations(associationsByDocument) };
}

/** The served pairs themselves: a deleted document or a re-index of pinned content changes them. */
async function readPinnedStamp(db: Db, pins: readonly PassagePin[]): Promise<string> {
  const [row] = rowsOf<{ pairs: string }>(
    await db.execute(sql`select coalesce(string_agg(s.document_id || '@' || s.generation, ',' order by s.document_id), '') as pairs from ${pinnedPairs(pins)} as s(document_id, generation)`),
  );
  return `pinned:${row?.pairs ?? ""}`;
}

/**
 * The current statistics of an avatar's scope (its own documents, or a published version's, plus its
 * shared corpora): from the cache when those documents have not changed, else refreshed.
 */
export async function getAvatarStats(db: Db, scopeOrAvatarId: KnowledgeScope | string): Promise<AvatarStats> {
  const scope = typeof scopeOrAvatarId === "string" ? { avatarId: scopeOrAvatarId } : scopeOrAvatarId;
  return statsWithStamp(db, scope, scope.pins ? await readPinnedStamp(db, scope.pins) : await readStamp(db, scope));
}

/**
 * The live scope of an avatar's retrieval (its enabled documents, or a published version's documentIds,
 * and the shared corpora it includes now: includedCorpusIds) with that scope's statistics. The corpora
 * are read in the statement that reads the statistics' stamp: one round trip per question, not two.
 */
export async function getLiveScopeStats(db: Db, args: { avatarId: string; documentIds?: readonly string[] }): Promise<{ scope: KnowledgeScope; stats: AvatarStats }> {
  const [row] = rowsOf<{ corpus_ids: string } & Record<string, unknown>>(
    await db.execute(sql`
      with included as materialized (${includedCorpora(args.avatarId)})
      select (select coalesce(string_agg(i.id, ',' order by i.id), '') from included i) as corpus_ids, ${STAMP_COLUMNS}
      from documents d where ${searchableDocuments("d", args, inScopeOf("d", args, sql`d.corpus_id in (select i.id from included i)`))}`),
  );
  const { corpus_ids: corpusIds, ...stamp } = row!;
  const scope: KnowledgeScope = { avatarId: args.avatarId, documentIds: args.documentIds, corpusIds: corpusIds ? corpusIds.split(",") : [] };
  // The same stamp readStamp gives for this scope, so either path finds the other's cache entry.
  return { scope, stats: await statsWithStamp(db, scope, JSON.stringify(stamp)) };
}

/** The scope's statistics for its current stamp: from the cache when they were counted for it, else refreshed. */
async function statsWithStamp(db: Db, scope: KnowledgeScope, stamp: string): Promise<AvatarStats> {
  const k = key(db, scope);
  const cached = cache.get(k);
  if (cached?.stamp === stamp) {
    cache.delete(k);
    cache.set(k, cached); // most recently used last
    return toStats(cached);
  }
  const flightKey = `${k}:${stamp}`;
  let pending = inFlight.get(flightKey);
  if (!pending) {
    pending = (scope.pins ? buildPinned(db, scope.pins, stamp) : build(db, scope, stamp, cached)).finally(() => inFlight.delete(flightKey));
    inFlight.set(flightKey, pending);
  }
  const entry = await pending;
  cache.delete(k);
  cache.set(k, entry);
  while (cache.size > MAX_AVATARS) cache.delete(cache.keys().next().value!);
  return toStats(entry);
}

/** Brings the avatars' statistics up to date now (after ingestion), so no query waits for a recount. */
export async function refreshAvatarStats(db: Db, avatarIds: Iterable<string>): Promise<void> {
  for (const avatarId of new Set(avatarIds)) await getAvatarStats(db, { avatarId, corpusIds: await includedCorpusIds(db, avatarId) });
}

/** Forgets every cached statistic (benchmarks measuring a cold start). */
export function clearAvatarStats(): void {
  cache.clear();
}

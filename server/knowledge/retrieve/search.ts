/**
 * The two candidate searches of hybrid retrieval, each scoped to one avatar's searchable documents
 * (avatar-stats.ts) before anything is ranked. Both work on PGlite and on a Postgres server, and both
 * are built to stay fast as an avatar grows to 100k passages among other avatars' passages:
 * - vectors: exact cosine ranking for small avatars, the shared HNSW index with pgvector's iterative
 *   scans for large ones (chosen by the avatar's passage count and its share of the table);
 * - keywords: BM25 with document frequencies precomputed per avatar, candidates fetched through the GIN
 *   index by the query's rarest terms only, a cheap presence score to pick the best few, and exact BM25
 *   (term frequencies from the tsvector positions) on those.
 */
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { INDEXED_DIMENSIONS, vectorCast } from "@/db/schema";
import { type AvatarStats, idArray, inScope, type KnowledgeScope, servedPassages } from "./avatar-stats";
import { idf } from "./fusion";
import { type QueryTerm, termFrequencyReader } from "./keyword-index";
import { logError } from "@/server/lib/log";

export interface VectorHit {
  id: string;
  similarity: number;
}

export interface KeywordHit {
  id: string;
  /** BM25 score (higher is better; not comparable across queries). */
  score: number;
  /** The query terms the passage contains. */
  terms: string[];
}

export interface KeywordSearch {
  hits: KeywordHit[];
  /** How many of the avatar's passages contain each query term (terms in none are absent). */
  documentFrequency: Map<string, number>;
  /** How many passages the avatar has. */
  total: number;
}

/** Okapi BM25 constants (the usual ones). */
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** A term in the title or a heading counts as this many occurrences in the body. */
const HEADING_TERM_FREQUENCY = 3;

/** Below this many passages an avatar's vectors are ranked exactly (a scan of its rows is cheap). */
export const HNSW_MIN_PASSAGES = 5000;
/**
 * ...and also when it holds less than this share of all passages: the shared index would visit about
 * limit / share entries to find the avatar's nearest ones, more than an exact scan reads.
 */
export const HNSW_MIN_SHARE = 0.02;
/**
 * Vector candidates taken through the HNSW index. Fewer than an exact ranking gives (retrieve.ts): on
 * PGlite each index entry the scan visits costs a heap fetch, and at 10k of 130k passages 50 took
 * twice as long as 30; ranks beyond 30 add little to the fused score (weight 0.5 / (60 + rank)).
 */
export const HNSW_CANDIDATES = 30;
/** The HNSW scan's candidate queue (its recall hardly grows beyond this on the dev corpora). */
const HNSW_EF_SEARCH = 64;
/** Iterative scans stop after this many index entries (pgvector's default is 20,000). */
const HNSW_MAX_SCAN_TUPLES = 40_000;

/**
 * The keyword leg fetches candidates through the GIN index with the query's rarest terms, adding
 * terms while their passages add up to at most this many; passages that only have common terms
 * ("pain", "患者") are scored by those low-weight terms and rarely reach the top anyway.
 */
export const KEYWORD_CANDIDATE_BUDGET = 800;
/** A hard bound on the candidates scored, for a query made only of common terms. */
const KEYWORD_CANDIDATE_CAP = 800;
/** Candidates that get exact BM25 after the presence score. */
const KEYWORD_RESCORE = 100;

export type VectorStrategy = "exact" | "hnsw";

/** Exact search while an avatar is small or a small share of the table; the HNSW index otherwise. */
export function chooseVectorStrategy(stats: Pick<AvatarStats, "passages" | "tableRows">): VectorStrategy {
  if (stats.passages < HNSW_MIN_PASSAGES) return "exact";
  return stats.passages / Math.max(stats.tableRows, 1) >= HNSW_MIN_SHARE ? "hnsw" : "exact";
}

/**
 * The passages retrieval may return (see searchableDocuments): the avatar's and its shared corpora's,
 * filtered on the passage too so the avatar's rows are found through their own index.
 */
function scope(args: KnowledgeScope): SQL {
  // Only the document's live (or the version's pinned) generation: a job's next one is written beside it (server/knowledge/ingest/index-document.ts).
  return sql`${owners(args)} and ${inScope("d", args)} and ${servedPassages("p", "d", args)}`;
}

/** The passage-side filter of the scope: the avatar's own passages and its shared corpora's. */
function owners(args: KnowledgeScope): SQL {
  return args.corpusIds?.length
    ? sql`(p.avatar_id = ${args.avatarId} or p.corpus_id = any(${idArray(args.corpusIds)}::text[]))`
    : sql`p.avatar_id = ${args.avatarId}`;
}

const vectorLiteral = (v: number[]) => `[${v.join(",")}]`;

/** Whether vectors of this size have a partial HNSW index of their own (db/schema/knowledge.ts). */
export function hasHnswIndex(dimensions: number): boolean {
  return (INDEXED_DIMENSIONS as readonly number[]).includes(dimensions);
}

/**
 * The cosine distance of `column` to the query vector, written as the partial HNSW index of that size is
 * (`column::vector(d)` where `vector_dims(column) = d`; halfvec above 2,000), so the planner can use it.
 */
export function cosineDistance(column: SQL, literal: string, dimensions: number): SQL {
  const cast = sql.raw(vectorCast(dimensions));
  return sql`(${column})::${cast} <=> ${literal}::${cast}`;
}

/** The predicate of the partial HNSW index of that size. */
export function hasDimensions(column: SQL, dimensions: number): SQL {
  return sql`vector_dims(${column}) = ${sql.raw(String(Math.trunc(dimensions)))}`;
}

interface VectorArgs extends KnowledgeScope {
  embedderId: string;
  literal: string;
  dimensions: number;
  limit: number;
}

/**
 * Exact cosine ranking over the avatar's passages. The distances are computed in a materialized CTE so
 * that no plan can use the shared HNSW index here.
 */
async function exactVectorSearch(db: Db, args: VectorArgs): Promise<VectorHit[]> {
  const embedding = sql`p.embedding`;
  const rows = await db.execute(sql`
    with scoped as materialized (
      select p.id, ${cosineDistance(embedding, args.literal, args.dimensions)} as distance
      from passages p join documents d on d.id = p.document_id
      where ${scope(args)} and p.embedder = ${args.embedderId} and ${hasDimensions(embedding, args.dimensions)}
    )
    select id, 1 - distance as similarity from scoped order by distance, id limit ${args.limit}`);
  return rowsOf<{ id: string; similarity: number }>(rows).map((r) => ({ id: r.id, similarity: Number(r.similarity) }));
}

/**
 * Approximate ranking through the HNSW index of the embedder's size. Filtering by avatar happens during
 * the index scan; iterative scans (pgvector 0.8) keep walking the graph until enough of the avatar's
 * passages are found, in relaxed order, so the CTE sorts them again. Settings are local to the transaction.
 */
async function hnswVectorSearch(db: Db, args: VectorArgs): Promise<VectorHit[]> {
  const embedding = sql`p.embedding`;
  const distance = cosineDistance(embedding, args.literal, args.dimensions);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('hnsw.iterative_scan', 'relaxed_order', true),
      set_config('hnsw.ef_search', ${String(HNSW_EF_SEARCH)}, true),
      set_config('hnsw.max_scan_tuples', ${String(HNSW_MAX_SCAN_TUPLES)}, true),
      set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true)`);
    const rows = await tx.execute(sql`
      with nearest as materialized (
        select p.id, ${distance} as distance
        from passages p join documents d on d.id = p.document_id
        where ${scope(args)} and p.embedder = ${args.embedderId} and ${hasDimensions(embedding, args.dimensions)}
        order by ${distance}
        limit ${args.limit}
      )
      select id, 1 - distance as similarity from nearest order by distance, id`);
    return rowsOf<{ id: string; similarity: number }>(rows).map((r) => ({ id: r.id, similarity: Number(r.similarity) }));
  });
}

let warnedNoIterativeScan = false;

/** Cosine ranking of the avatar's passages that the active embedder made; other embedders' vectors never mix in. */
export async function vectorSearch(
  db: Db,
  args: KnowledgeScope & { embedderId: string; vector: number[]; limit: number; strategy?: VectorStrategy },
): Promise<VectorHit[]> {
  const search = { ...args, literal: vectorLiteral(args.vector), dimensions: args.vector.length };
  // A size without an index of its own is ranked exactly.
  if (args.strategy !== "hnsw" || !hasHnswIndex(search.dimensions)) return exactVectorSearch(db, search);
  let hits: VectorHit[];
  try {
    hits = await hnswVectorSearch(db, search);
  } catch (e) {
    // A Postgres server with pgvector older than 0.8 has no iterative scans: rank exactly, and say so.
    if (!warnedNoIterativeScan) logError("HNSW search failed (iterative scans need pgvector >= 0.8); using exact search", e);
    warnedNoIterativeScan = true;
    return exactVectorSearch(db, search);
  }
  // The iterative scan gave up early (the avatar's passages are rare in the index): rank exactly.
  return hits.length < args.limit ? exactVectorSearch(db, search) : hits;
}

const number = (x: number): SQL => sql.raw(String(Number(x)));

/** Concept tokens (keyword-index.ts) live only in the B field; words in A (headings) and D (body). */
const isConcept = (term: string) => term.startsWith("zc");

/**
 * The tsqueries that fetch keyword candidates, in order of preference. Usually one: the rarest terms
 * whose passages add up to at most the budget. When even the rarest term is too common to score all
 * its passages (a drug named in thousands of them), first the passages with every term, then those
 * with the rarest one, up to KEYWORD_CANDIDATE_CAP in all.
 */
export function candidateTiers(terms: { term: string; df: number }[], budget = KEYWORD_CANDIDATE_BUDGET): string[] {
  const sorted = [...terms].sort((a, b) => a.df - b.df || (a.term < b.term ? -1 : 1));
  if (sorted.length === 0) return [];
  if (sorted[0]!.df > budget) {
    return sorted.length >= 2 ? [sorted.map((t) => t.term).join(" & "), sorted[0]!.term] : [sorted[0]!.term];
  }
  const chosen: string[] = [];
  let sum = 0;
  for (const t of sorted) {
    if (chosen.length > 0 && sum + t.df > budget) break;
    chosen.push(t.term);
    sum += t.df;
  }
  return [chosen.join(" | ")];
}

/**
 * BM25 over the keyword index (keyword-index.ts): document frequencies and mean length from the
 * avatar's precomputed statistics, term frequency from positions (a heading occurrence counts
 * HEADING_TERM_FREQUENCY, a concept 1), length as the number of distinct terms. Query terms carry weights.
 */
export async function keywordSearch(
  db: Db,
  args: KnowledgeScope & { terms: QueryTerm[]; limit: number; stats: AvatarStats },
): Promise<KeywordSearch> {
  const { stats } = args;
  const documentFrequency = new Map<string, number>();
  for (const t of args.terms) {
    const n = stats.df.get(t.term);
    if (n) documentFrequency.set(t.term, n);
  }
  const present = args.terms.filter((t) => documentFrequency.has(t.term));
  if (present.length === 0 || stats.passages === 0) return { hits: [], documentFrequency, total: stats.passages };

  const total = stats.passages;
  const avglen = Math.max(stats.avgLength, 1);
  const weighted = present.map((t) => ({ term: t.term, w: t.weight * idf(documentFrequency.get(t.term)!, total) }));
  const norm = sql`${number(BM25_K1)} * (1 - ${number(BM25_B)} + ${number(BM25_B)} * c.len / ${number(avglen)})`;
  // Presence score: each term's BM25 with its frequency taken as 1 (body) + heading + concept presence.
  // Each @@ is evaluated once per candidate (a nested case), not once in the numerator and again in the denominator.
  const saturate = (w: number, tf: number) => sql`${number(w)} * ${number(tf)} * ${number(BM25_K1 + 1)} / (${number(tf)} + ${norm})`;
  const has = (term: string, label: string) => sql`c.keywords @@ ${`${term}:${label}`}::tsquery`;
  const presence = weighted.map(({ term, w }) =>
    isConcept(term)
      ? sql`case when ${has(term, "B")} then ${saturate(w, 1)} else 0 end`
      : sql`case when ${has(term, "D")} then (case when ${has(term, "A")} then ${saturate(w, 1 + HEADING_TERM_FREQUENCY)} else ${saturate(w, 1)} end)
          when ${has(term, "A")} then ${saturate(w, HEADING_TERM_FREQUENCY)} else 0 end`,
  );
  const tiers = candidateTiers(present.map((t) => ({ term: t.term, df: documentFrequency.get(t.term)! })));
  // "offset 0" plans the passages on their own, so the planner takes them through the GIN index (and the
  // avatar's index) rather than walking every passage of every document of the scope to test the tsquery.
  const tier = (query: string) => sql`(select p.id, p.keywords, length(p.keywords)::float8 as len
      from (select * from passages p where ${owners(args)} and p.keywords @@ to_tsquery('simple', ${query}) offset 0) p
      join documents d on d.id = p.document_id
      where ${inScope("d", args)} and ${servedPassages("p", "d", args)}
      limit ${KEYWORD_CANDIDATE_CAP})`;

  const rows = await db.execute(sql`
    with candidates as materialized (
      select distinct on (x.id) x.id, x.keywords, x.len
      from (select * from (${sql.join(tiers.map(tier), sql` union all `)}) tiers limit ${KEYWORD_CANDIDATE_CAP}) x
    )
    select c.id, c.len, c.keywords::text as keywords from candidates c
    order by ${sql.join(presence, sql` + `)} desc, c.id
    limit ${KEYWORD_RESCORE}`);
  // Exact BM25 of the best few, here rather than in SQL: unnesting their tsvectors cost more than reading their text.
  const weights = new Map(weighted.map((t) => [t.term, t.w]));
  const termFrequencies = termFrequencyReader([...weights.keys()]);
  const hits = rowsOf<{ id: string; len: number; keywords: string }>(rows).flatMap((r) => {
    const len = Number(r.len);
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * len) / avglen);
    let score = 0;
    const terms: string[] = [];
    // Summed in the tsvector's lexeme order, as the SQL sum did: the same floating-point result.
    for (const { term, frequency } of termFrequencies(r.keywords)) {
      const tf = frequency.body + (frequency.heading ? HEADING_TERM_FREQUENCY : 0) + (frequency.concept ? 1 : 0);
      score += (weights.get(term)! * tf * (BM25_K1 + 1)) / (tf + norm);
      terms.push(term);
    }
    return terms.length > 0 ? [{ id: r.id, score, terms }] : [];
  });
  hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { hits: hits.slice(0, args.limit), documentFrequency, total };
}

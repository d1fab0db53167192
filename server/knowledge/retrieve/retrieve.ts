import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { documents, type PassagePin, passages } from "@/db/schema";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { type AvatarStats, getAvatarStats, getLiveScopeStats, idArray, type KnowledgeScope } from "./avatar-stats";
import { type Candidate, coverageWeights, fuse } from "./fusion";
import { queryTerms } from "./keyword-index";
import { rerank } from "./rerank";
import { chooseVectorStrategy, cosineDistance, HNSW_CANDIDATES, keywordSearch, vectorSearch } from "./search";
import { logError } from "@/server/lib/log";

export interface RetrievedPassage {
  id: string;
  documentId: string;
  /** Set when the passage is from a shared corpus (the hospital's or a department's), not the doctor's own. */
  corpusId: string | null;
  documentTitle: string;
  headingPath: string[];
  content: string;
  page: number | null;
  /** Cosine similarity of the passage to the query (0 for a query without vector features). */
  similarity: number;
  /** Rank score: reciprocal-rank fusion of the vector and keyword rankings, then the second look (rerank.ts). */
  score: number;
}

/** Where one retrieval's time went, in milliseconds (filled when the caller passes an object: benchmarks). */
export interface RetrievalTimings {
  embed: number;
  keyword: number;
  vector: number;
  rerank: number;
}

/** Runs work and adds its duration to timings[stage] when timings are wanted. */
async function timed<T>(timings: RetrievalTimings | undefined, stage: keyof RetrievalTimings, work: () => Promise<T>): Promise<T> {
  if (!timings) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[stage] += performance.now() - started;
  }
}

/** Candidates taken from each ranking before fusion. */
const CANDIDATES = 50;

/**
 * The query's vector, or null when it has none: a query without features embeds to the zero vector
 * (whose cosine distance is undefined), and an embedding endpoint that is down leaves keyword search
 * to answer alone rather than failing the patient's question (the error goes to the server log).
 */
async function embedQuery(embedder: Embedder, query: string): Promise<number[] | null> {
  try {
    const [vector] = await embedder.embed([query]);
    return vector && vector.some((v) => v !== 0) ? vector : null;
  } catch (e) {
    logError(`embedding the query failed (${embedder.id}); keyword search only`, e);
    return null;
  }
}

/**
 * Hybrid retrieval for one avatar: cosine ranking (exact for small avatars, HNSW for large ones) and
 * BM25 keyword ranking (app-side tokens, so Chinese works; heading and synonym-concept fields, see
 * keyword-index.ts), each over the avatar's searchable documents and included shared corpora only, fused, cut by an evidence floor
 * (fusion.ts) and de-duplicated. Vectors of another embedder than the active one are never compared.
 */
export async function retrievePassages(
  db: Db,
  /**
   * pins: a published version's passages, its own and its shared corpora's, exactly as published.
   * documentIds (a version published before pinning): search these documents of the avatar instead of
   * its enabled ones. Without pins the shared corpora the avatar includes are searched live.
   */
  args: { avatarId: string; query: string; embedder: Embedder; limit?: number; documentIds?: readonly string[]; pins?: readonly PassagePin[]; timings?: RetrievalTimings },
): Promise<RetrievedPassage[]> {
  const { timings } = args;
  const limit = args.limit ?? 5;
  const scoped = async (): Promise<{ scope: KnowledgeScope; stats: AvatarStats }> => {
    if (!args.pins) return getLiveScopeStats(db, { avatarId: args.avatarId, documentIds: args.documentIds });
    const scope = { avatarId: args.avatarId, documentIds: args.documentIds, corpusIds: [...new Set(args.pins.flatMap((p) => (p.corpusId ? [p.corpusId] : [])))], pins: args.pins };
    return { scope, stats: await getAvatarStats(db, scope) };
  };
  const [{ scope, stats }, vector] = await Promise.all([scoped(), timed(timings, "embed", () => embedQuery(args.embedder, args.query))]);
  if (stats.passages === 0) return [];
  const terms = queryTerms(args.query, stats.associations, stats.df);
  const strategy = chooseVectorStrategy(stats);
  const [vectorHits, keyword] = await Promise.all([
    vector
      ? timed(timings, "vector", () => vectorSearch(db, { ...scope, embedderId: args.embedder.id, vector, limit: strategy === "hnsw" ? HNSW_CANDIDATES : CANDIDATES, strategy }))
      : [],
    timed(timings, "keyword", () => keywordSearch(db, { ...scope, terms, limit: CANDIDATES, stats })),
  ]);

  const candidates = new Map<string, Candidate>();
  const candidate = (id: string): Candidate => {
    let c = candidates.get(id);
    if (!c) candidates.set(id, (c = { id, similarity: 0, terms: [] }));
    return c;
  };
  vectorHits.forEach((hit, rank) => Object.assign(candidate(hit.id), { vectorRank: rank, similarity: hit.similarity }));
  // A passage with an alias covers the term it stands for (the query's own words for it), for the evidence floor.
  const standsFor = new Map(terms.flatMap((t) => (t.standsFor ? [[t.term, t.standsFor] as const] : [])));
  const covered = (matched: string[]) => (standsFor.size === 0 ? matched : [...matched, ...matched.flatMap((t) => standsFor.get(t) ?? [])]);
  keyword.hits.forEach((hit, rank) => Object.assign(candidate(hit.id), { keywordRank: rank, terms: covered(hit.terms) }));
  if (candidates.size === 0) return [];

  // Every candidate is judged on both signals, so keyword-only ones get their similarity too.
  const literal = vector ? `[${vector.join(",")}]` : null;
  const rows = await db
    .select({
      id: passages.id,
      documentId: passages.documentId,
      corpusId: passages.corpusId,
      documentTitle: documents.title,
      headingPath: passages.headingPath,
      content: passages.content,
      page: passages.page,
      // The rerank reads the passage's stored tokens instead of segmenting its text again; one string
      // per row, as PGlite parses a text[] element by element in JavaScript (the query itself runs in ~1.5 ms).
      lexemes: sql<string>`array_to_string(tsvector_to_array(${passages.keywords}), ' ')`,
      similarity: literal
        ? sql<number>`case when ${passages.embedder} = ${args.embedder.id} then 1 - (${cosineDistance(sql`${passages.embedding}`, literal, vector!.length)}) else 0 end`
        : sql<number>`0`,
    })
    .from(passages)
    .innerJoin(documents, eq(documents.id, passages.documentId))
    .where(sql`${passages.id} = any(${idArray([...candidates.keys()])}::text[])`);
  const byId = new Map(rows.map((r) => [r.id, { ...r, lexemes: r.lexemes.split(" "), similarity: Number(r.similarity) }]));
  for (const c of candidates.values()) c.similarity = byId.get(c.id)?.similarity ?? 0;

  const weights = coverageWeights(terms, keyword.documentFrequency, keyword.total);
  const fused = fuse([...candidates.values()], weights).flatMap(({ id, score }) => {
    const row = byId.get(id);
    return row ? [{ ...row, score }] : [];
  });
  const ranked = await timed(timings, "rerank", async () => rerank(fused, weights));
  const seen = new Set<string>();
  const results: RetrievedPassage[] = [];
  for (const { lexemes: _lexemes, ...passage } of ranked) {
    // Overlapping chunks can repeat text; keep the first of identical contents.
    const key = passage.content.trim();
    if (seen.has(key)) continue;
    seen.add(key);
    results.push(passage);
    if (results.length === limit) break;
  }
  return results;
}

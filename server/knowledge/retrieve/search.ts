/**
 * The two candidate searches of hybrid retrieval, each scoped to one avatar's enabled, ready
 * documents before anything is ranked. Both work on PGlite and on a Postgres server.
 */
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import type { QueryTerm } from "./keyword-index";

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

function scope(avatarId: string): SQL {
  return sql`p.avatar_id = ${avatarId} and d.enabled and d.status = 'ready'`;
}

/**
 * Exact cosine ranking over the avatar's passages. The distances are computed in a materialized CTE so
 * that no plan can use the shared HNSW index here: it would rank passages of every avatar first and
 * filter afterwards, returning too few (and approximate) results for a small avatar.
 */
export async function vectorSearch(
  db: Db,
  args: { avatarId: string; embedderId: string; vector: number[]; limit: number },
): Promise<VectorHit[]> {
  const literal = `[${args.vector.join(",")}]`;
  const rows = await db.execute(sql`
    with scoped as materialized (
      select p.id, p.embedding <=> ${literal}::vector as distance
      from passages p join documents d on d.id = p.document_id
      where ${scope(args.avatarId)} and p.embedder = ${args.embedderId}
    )
    select id, 1 - distance as similarity from scoped order by distance, id limit ${args.limit}`);
  return rowsOf<{ id: string; similarity: number }>(rows).map((r) => ({ id: r.id, similarity: Number(r.similarity) }));
}

const number = (x: number): SQL => sql.raw(String(Number(x)));

/**
 * BM25 over the keyword index (keyword-index.ts), computed in SQL from the stored tsvectors: term
 * frequency from positions, document frequency over the avatar's passages, length as the number of
 * distinct terms (normalised by the mean over the passages that match). Query terms carry weights.
 */
export async function keywordSearch(
  db: Db,
  args: { avatarId: string; terms: QueryTerm[]; limit: number },
): Promise<KeywordSearch> {
  if (args.terms.length === 0) return { hits: [], documentFrequency: new Map(), total: 0 };
  const k1 = number(BM25_K1);
  const b = number(BM25_B);
  const rows = await db.execute(sql`
    with terms as materialized (
      select t.term, t.weight
      from unnest(string_to_array(${args.terms.map((t) => t.term).join(" ")}, ' '),
                  string_to_array(${args.terms.map((t) => t.weight).join(" ")}, ' ')::float8[]) as t(term, weight)
    ),
    matched as materialized (
      select p.id, p.keywords, length(p.keywords)::float8 as len
      from passages p join documents d on d.id = p.document_id
      where ${scope(args.avatarId)} and p.keywords @@ to_tsquery('simple', ${args.terms.map((t) => t.term).join(" | ")})
    ),
    hits as materialized (
      select m.id, m.len, t.term, t.weight,
        coalesce(cardinality(array_positions(u.weights, 'D')), 0)
          + case when 'A' = any(u.weights) then ${number(HEADING_TERM_FREQUENCY)} else 0 end
          + case when 'B' = any(u.weights) then 1 else 0 end as tf
      from matched m cross join lateral unnest(m.keywords) u join terms t on t.term = u.lexeme
    ),
    df as materialized (select term, count(*)::float8 as n from hits group by term),
    stats as materialized (
      select (select sum(d.passage_count) from documents d where d.avatar_id = ${args.avatarId} and d.enabled and d.status = 'ready')::float8 as total,
             (select avg(len) from matched) as avglen,
             (select coalesce(json_object_agg(term, n), '{}'::json) from df) as df
    ),
    scored as materialized (
      select h.id,
        sum(h.weight * ln(1 + (s.total - df.n + 0.5) / (df.n + 0.5)) * h.tf * (${k1} + 1)
            / (h.tf + ${k1} * (1 - ${b} + ${b} * h.len / s.avglen))) as score,
        array_agg(h.term) as terms
      from hits h join df using (term) cross join stats s
      group by h.id
    )
    select c.id, c.score, c.terms, s.total, s.df
    from scored c cross join stats s
    order by c.score desc, c.id
    limit ${args.limit}`);
  type Row = { id: string; total: number; df: Record<string, number> | string; score: number; terms: string[] };
  const result = rowsOf<Row>(rows);
  const first = result[0];
  const df = first ? (typeof first.df === "string" ? (JSON.parse(first.df) as Record<string, number>) : first.df) : {};
  return {
    hits: result.map((r) => ({ id: r.id, score: Number(r.score), terms: r.terms })),
    documentFrequency: new Map(Object.entries(df).map(([term, n]) => [term, Number(n)])),
    total: first ? Number(first.total) : 0,
  };
}

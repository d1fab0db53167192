import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { keywordTokens, queryTokens } from "@/server/knowledge/text/tokenize";

export interface RetrievedPassage {
  id: string;
  documentId: string;
  documentTitle: string;
  headingPath: string[];
  content: string;
  page: number | null;
  /** Cosine similarity of the passage to the query (0 when it came from keywords only). */
  similarity: number;
  /** Reciprocal-rank-fusion score of the vector and keyword rankings. */
  score: number;
}

const CANDIDATES = 24;
const RRF_K = 60;
/**
 * A passage is evidence when its cosine similarity reaches this floor, or when it contains at least
 * half of the query's keywords; otherwise the answer is "nothing found" rather than a weak guess.
 */
export const RELEVANCE_FLOOR = 0.2;
export const KEYWORD_COVERAGE_FLOOR = 0.5;

interface Candidate {
  id: string;
  document_id: string;
  title: string;
  heading_path: string[];
  content: string;
  page: number | null;
  similarity: number;
}

/**
 * Hybrid retrieval for one avatar: pgvector cosine ranking fused with keyword ranking (app-side
 * tokens, so Chinese works), filtered by avatar and enabled, ready documents before ranking.
 */
export async function retrievePassages(
  db: Db,
  args: { avatarId: string; query: string; embedder: Embedder; limit?: number },
): Promise<RetrievedPassage[]> {
  const limit = args.limit ?? 5;
  const [queryVector] = await args.embedder.embed([args.query]);
  const tokens = queryTokens(args.query);
  // A query with no features embeds to the zero vector, whose cosine distance is undefined.
  const vectorLiteral = queryVector!.some((v) => v !== 0) ? `[${queryVector!.join(",")}]` : null;
  const scope = sql`p.avatar_id = ${args.avatarId} and d.enabled and d.status = 'ready'`;
  const similarity = vectorLiteral ? sql`1 - (p.embedding <=> ${vectorLiteral}::vector)` : sql`0`;

  const [vectorRows, keywordRows] = await Promise.all([
    vectorLiteral
      ? db.execute(sql`
          select p.id, p.document_id, d.title, p.heading_path, p.content, p.page, ${similarity} as similarity
          from passages p join documents d on d.id = p.document_id
          where ${scope}
          order by p.embedding <=> ${vectorLiteral}::vector
          limit ${CANDIDATES}`)
      : [],
    tokens.length > 0
      ? db.execute(sql`
          select p.id, p.document_id, d.title, p.heading_path, p.content, p.page, ${similarity} as similarity
          from passages p join documents d on d.id = p.document_id, to_tsquery('simple', ${tokens.join(" | ")}) q
          where ${scope} and p.keywords @@ q
          order by ts_rank_cd(p.keywords, q) desc
          limit ${CANDIDATES}`)
      : [],
  ]).then(([v, k]) => [rowsOf<Candidate>(v), rowsOf<Candidate>(k)] as const);

  const fused = new Map<string, { c: Candidate; score: number }>();
  vectorRows.forEach((c, rank) => {
    fused.set(c.id, { c, score: 1 / (RRF_K + rank + 1) });
  });
  keywordRows.forEach((c, rank) => {
    const entry = fused.get(c.id) ?? { c, score: 0 };
    entry.score += 1 / (RRF_K + rank + 1);
    fused.set(c.id, entry);
  });

  const coverage = (c: Candidate) => {
    if (tokens.length === 0) return 0;
    const present = new Set(keywordTokens([c.title, ...c.heading_path, c.content].join("\n")));
    return tokens.filter((t) => present.has(t)).length / tokens.length;
  };
  const seen = new Set<string>();
  return [...fused.values()]
    .filter(({ c }) => Number(c.similarity) >= RELEVANCE_FLOOR || coverage(c) >= KEYWORD_COVERAGE_FLOOR)
    .sort((a, b) => b.score - a.score)
    .filter(({ c }) => {
      // Overlapping chunks repeat text; keep the first of identical contents.
      const key = c.content.trim();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit)
    .map(({ c, score }) => ({
      id: c.id,
      documentId: c.document_id,
      documentTitle: c.title,
      headingPath: c.heading_path,
      content: c.content,
      page: c.page,
      similarity: Number(c.similarity),
      score,
    }));
}

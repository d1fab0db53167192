/**
 * How the two candidate lists become one ranking, and when the materials count as covering the
 * question at all. Pure functions, so the rules are tested without a database.
 */
import { isHan } from "@/server/knowledge/text/language";
import type { QueryTerm } from "./keyword-index";

export interface Candidate {
  id: string;
  /** Cosine similarity of the passage to the query (0 for a query without vector features). */
  similarity: number;
  /** Rank in the vector list (0-based), absent when the passage is not in it. */
  vectorRank?: number;
  /** Rank in the keyword list (0-based), absent when the passage is not in it. */
  keywordRank?: number;
  /** Query terms the passage contains. */
  terms: readonly string[];
}

export interface Ranked {
  id: string;
  score: number;
  similarity: number;
  /** IDF-weighted share of the query's terms in the passage (see keywordCoverage). */
  coverage: number;
}

const RRF_K = 60;
/**
 * The offline embedder's ranking is the weaker of the two on both dev sets (recall@5 0.50 vs 0.63 on
 * Chinese); at half weight it still lifts paraphrases that share few words with the answer.
 */
export const VECTOR_WEIGHT = 0.5;
const KEYWORD_WEIGHT = 1;
/**
 * Evidence = similarity + coverage. A question is answered only when some passage reaches
 * EVIDENCE_FLOOR (lower for a long question: evidenceFloor); otherwise the answer is "nothing found"
 * rather than a weak guess. Then passages below PASSAGE_EVIDENCE_FLOOR (neither similar nor sharing the question's words) are left out.
 */
export const EVIDENCE_FLOOR = 0.35;
export const PASSAGE_EVIDENCE_FLOOR = 0.2;
/**
 * Questions with more terms than this get a lower floor (EVIDENCE_FLOOR × sqrt(this / terms)): a
 * patient's long story ("我家孩子这两天……以前拉出过虫子……要做哪些检查") shares only part of its words with
 * the passage that answers it, so its coverage is diluted where a short question's is not. Off-topic
 * questions stay below it (bench/retrieval.ts counts them).
 */
export const FLOOR_TERMS = 8;

/** The evidence some passage must reach for a question of this many terms to be answered at all. */
export function evidenceFloor(terms: number): number {
  return EVIDENCE_FLOOR * Math.min(1, Math.sqrt(FLOOR_TERMS / Math.max(terms, 1)));
}
/**
 * A Chinese bigram found nowhere in the materials is usually not a word but two characters across a
 * word boundary ("疡吃" in "胃溃疡吃啥"), so it counts little against coverage; an English word found
 * nowhere ("sourdough") is real evidence that the question is about something else.
 */
const ABSENT_HAN_TERM_WEIGHT = 0.3;

/** BM25's inverse document frequency. */
export function idf(documentFrequency: number, total: number): number {
  return Math.log(1 + (total - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Each query term's weight in coverage: its own weight times its IDF among the avatar's passages. */
export function coverageWeights(terms: readonly QueryTerm[], documentFrequency: ReadonlyMap<string, number>, total: number): Map<string, number> {
  const weights = new Map<string, number>();
  for (const { term, weight } of terms) {
    const n = documentFrequency.get(term) ?? 0;
    const absent = n === 0 && isHan(term.charAt(0)) ? ABSENT_HAN_TERM_WEIGHT : 1;
    weights.set(term, weight * absent * idf(n, Math.max(total, 1)));
  }
  return weights;
}

/** Share of the query's term weight that a passage's matched terms carry, 0..1. */
export function keywordCoverage(matched: readonly string[], weights: ReadonlyMap<string, number>): number {
  let all = 0;
  for (const w of weights.values()) all += w;
  if (all === 0) return 0;
  let found = 0;
  for (const term of new Set(matched)) found += weights.get(term) ?? 0;
  return found / all;
}

/**
 * Weighted reciprocal-rank fusion, then the evidence floor. Ties keep a stable order by id so a
 * ranking never depends on which row the database returned first.
 */
export function fuse(candidates: readonly Candidate[], weights: ReadonlyMap<string, number>): Ranked[] {
  const ranked = candidates.map((c) => {
    let score = 0;
    if (c.vectorRank !== undefined) score += VECTOR_WEIGHT / (RRF_K + c.vectorRank + 1);
    if (c.keywordRank !== undefined) score += KEYWORD_WEIGHT / (RRF_K + c.keywordRank + 1);
    return { id: c.id, score, similarity: c.similarity, coverage: keywordCoverage(c.terms, weights) };
  });
  const evidence = (r: Ranked): number => Math.max(0, r.similarity) + r.coverage;
  if (!ranked.some((r) => evidence(r) >= evidenceFloor(weights.size))) return [];
  return ranked
    .filter((r) => evidence(r) >= PASSAGE_EVIDENCE_FLOOR)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

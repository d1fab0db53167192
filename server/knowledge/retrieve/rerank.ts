/**
 * The second look at the fused candidates (retrieve.ts): features the first pass cannot see, because
 * BM25 scores terms one by one and reciprocal-rank fusion sees only ranks. For each of the top
 * candidates it reads the passage's own tokens and measures
 * - coverage: the IDF-weighted share of the question's terms (and, at their lower weights, its concept
 *   and alias expansions) the passage contains anywhere (the keyword leg knows it only for its own top
 *   candidates, the vector leg not at all); a question word the passage lacks counts in part when the
 *   passage has the word's concept (conceptCover);
 * - heading: the share found in the document title and the passage's headings (what the text is about);
 * and adds them to the fused score. Pure functions, so the rules are tested without a database.
 * Retrieval passes each passage's stored keyword lexemes, so no passage is segmented per query;
 * headings (short, shared by many passages) are tokenized once per text and cached.
 *
 * Measured on the retrieval dev sets and left out because they added nothing over these two: term
 * proximity (the best share within a 16-token window), a length prior and the cosine similarity.
 */
import { conceptWords } from "@/server/knowledge/text/concepts";
import { contentTokenCache, contentTokens } from "./token-cache";

export interface RerankCandidate {
  id: string;
  /** Fused (reciprocal-rank) score. */
  score: number;
  documentTitle: string;
  headingPath: readonly string[];
  content: string;
  /**
   * The passage's stored keyword-index lexemes (keyword-index.ts: its heading and body tokens and its
   * concepts), when the caller read them: then its text is not segmented again.
   */
  lexemes?: readonly string[];
}

export interface RerankFeatures {
  /** Fused score over the best candidate's (0..1). */
  fused: number;
  coverage: number;
  heading: number;
}

/** Candidates the second look reorders; the rest keep their fused order after them. */
export const RERANK_DEPTH = 50;

/** How much each feature adds to the normalized fused score (tuned on the retrieval dev sets). */
export const RERANK_WEIGHTS: Readonly<Record<keyof RerankFeatures, number>> = { fused: 1, coverage: 0.5, heading: 0.3 };

/**
 * A question word the passage lacks but whose concept it has (see conceptCover) counts this share of its
 * weight: full credit lifted Chinese passages that merely share a broad concept over the answer (dev set
 * originals' MRR 0.607 -> 0.568); at 0.4 Chinese is unchanged and English paraphrases gain.
 */
export const CONCEPT_COVER_CREDIT = 0.4;

/** Weighted share of the question's terms in found, plus CONCEPT_COVER_CREDIT of those only its concepts cover. */
function share(found: ReadonlySet<string>, weights: ReadonlyMap<string, number>, total: number, cover: ReadonlyMap<string, readonly string[]>): number {
  if (total <= 0) return 0;
  let sum = 0;
  for (const term of found) sum += weights.get(term) ?? 0;
  const byConcept = new Set<string>();
  for (const [concept, words] of cover) if (found.has(concept)) for (const w of words) if (!found.has(w)) byConcept.add(w);
  for (const term of byConcept) sum += CONCEPT_COVER_CREDIT * (weights.get(term) ?? 0);
  return sum / total;
}

/** Heading texts whose tokens are kept (a few busy avatars' sections); the oldest go first. */
const TOKEN_CACHE_SIZE = 20_000;

const headingTokens = contentTokenCache(TOKEN_CACHE_SIZE);

/**
 * For each of the question's concepts, the question's own words for it (拉不出 for constipation, "clog"
 * and "arteri" for atherosclerosis): a passage that has the concept has said them in its own words
 * (便秘, "atherosclerosis").
 */
export function conceptCover(weights: ReadonlyMap<string, number>): Map<string, string[]> {
  const cover = new Map<string, string[]>();
  for (const term of weights.keys()) {
    const words = conceptWords(term);
    const own = [...weights.keys()].filter((w) => w !== term && words.has(w));
    if (own.length > 0) cover.set(term, own);
  }
  return cover;
}

/**
 * The features of one candidate; weights are the query terms' (coverageWeights in fusion.ts), cover its
 * concepts' words (conceptCover, computed once per question).
 */
export function rerankFeatures(
  candidate: RerankCandidate,
  weights: ReadonlyMap<string, number>,
  bestScore: number,
  cover: ReadonlyMap<string, readonly string[]> = conceptCover(weights),
): RerankFeatures {
  let total = 0;
  for (const w of weights.values()) total += w;
  const headingText = [candidate.documentTitle, ...candidate.headingPath].join("\n");
  const heading = headingTokens(headingText);
  const content = candidate.lexemes ?? contentTokens(candidate.content);
  return {
    fused: bestScore > 0 ? candidate.score / bestScore : 0,
    coverage: share(new Set([...content, ...heading]), weights, total, cover),
    heading: share(heading, weights, total, cover),
  };
}

export function rerankScore(f: RerankFeatures, w: Readonly<Record<keyof RerankFeatures, number>> = RERANK_WEIGHTS): number {
  let score = 0;
  for (const key of Object.keys(w) as (keyof RerankFeatures)[]) score += w[key] * f[key];
  return score;
}

/**
 * The candidates (in fused order) with the top RERANK_DEPTH reordered by rerankScore; ties keep the
 * fused order. Returns new objects whose score is the reranked one.
 */
export function rerank<T extends RerankCandidate>(candidates: readonly T[], weights: ReadonlyMap<string, number>): T[] {
  const head = candidates.slice(0, RERANK_DEPTH);
  const best = head[0]?.score ?? 0;
  const cover = conceptCover(weights);
  const scored = head.map((c, order) => ({ c, order, score: rerankScore(rerankFeatures(c, weights, best, cover)) }));
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return [...scored.map(({ c, score }) => ({ ...c, score })), ...candidates.slice(RERANK_DEPTH)];
}

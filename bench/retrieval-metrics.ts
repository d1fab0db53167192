/**
 * Scoring for the retrieval benchmark, kept apart from the I/O so it can be tested on tiny inputs.
 *
 * A retrieved chunk is a hit for a query when it comes from a relevant document and its character
 * span overlaps one of the query's relevant passages by at least half of the shorter of the two spans
 * (so a small chunk inside a long answer counts, and so does a chunk that holds a whole short answer).
 *
 * Per query, as the dev sets' READMEs intend ("any hit in the top k"):
 * - recall@k = 1 when at least one of the top k chunks is a hit, else 0. A query with several
 *   relevant passages (near-duplicate answers) needs only one of them found.
 * - reciprocal rank = 1 / rank of the first hit within the top 10, 0 when none.
 * - document hit@5 = 1 when any of the top 5 chunks comes from a relevant document.
 * Reported figures are means over queries.
 */

export interface Span {
  doc: string;
  start: number;
  /** Exclusive. */
  end: number;
}

export interface LabelledQuery {
  relevantDocs: readonly string[];
  relevantPassages: readonly Span[];
}

export interface QueryScore {
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  reciprocalRankAt10: number;
  docHitAt5: number;
}

export type Summary = QueryScore & { queries: number };

/** Overlap of at least half of the shorter span, within the same document. */
export function spansMatch(chunk: Span, passage: Span): boolean {
  if (chunk.doc !== passage.doc) return false;
  const overlap = Math.min(chunk.end, passage.end) - Math.max(chunk.start, passage.start);
  const shorter = Math.min(chunk.end - chunk.start, passage.end - passage.start);
  return overlap > 0 && overlap >= 0.5 * shorter;
}

export function isHit(chunk: Span, query: LabelledQuery): boolean {
  return query.relevantDocs.includes(chunk.doc) && query.relevantPassages.some((p) => spansMatch(chunk, p));
}

/** Scores one query's ranking (best first; only the first 10 count). */
export function scoreQuery(ranking: readonly Span[], query: LabelledQuery): QueryScore {
  const top = ranking.slice(0, 10);
  const first = top.findIndex((chunk) => isHit(chunk, query));
  const within = (k: number): number => (first >= 0 && first < k ? 1 : 0);
  return {
    recallAt1: within(1),
    recallAt5: within(5),
    recallAt10: within(10),
    reciprocalRankAt10: first >= 0 ? 1 / (first + 1) : 0,
    docHitAt5: top.slice(0, 5).some((chunk) => query.relevantDocs.includes(chunk.doc)) ? 1 : 0,
  };
}

/** Means over queries (all zero for an empty list). */
export function summarize(scores: readonly QueryScore[]): Summary {
  const mean = (pick: (s: QueryScore) => number): number =>
    scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + pick(s), 0) / scores.length;
  return {
    queries: scores.length,
    recallAt1: mean((s) => s.recallAt1),
    recallAt5: mean((s) => s.recallAt5),
    recallAt10: mean((s) => s.recallAt10),
    reciprocalRankAt10: mean((s) => s.reciprocalRankAt10),
    docHitAt5: mean((s) => s.docHitAt5),
  };
}

/** What the offline composer quoted for one question: how many sentences, and how many from a relevant passage. */
export interface AnswerScore {
  quoted: number;
  relevant: number;
}

/**
 * A quoted sentence counts as relevant when its span lies in a relevant passage (spansMatch: at least half
 * of the sentence), not merely when the chunk it came from overlaps one.
 */
export function scoreAnswer(sentences: readonly Span[], query: LabelledQuery): AnswerScore {
  return { quoted: sentences.length, relevant: sentences.filter((s) => isHit(s, query)).length };
}

/**
 * answer_precision: the share of all quoted sentences that come from a relevant passage (over every
 * question; a question answered with nothing adds nothing); answer_recall: the share of questions
 * whose answer quotes at least one relevant sentence.
 */
export function summarizeAnswers(scores: readonly AnswerScore[]): { precision: number; recall: number; sentencesPerAnswer: number } {
  const quoted = scores.reduce((n, s) => n + s.quoted, 0);
  const relevant = scores.reduce((n, s) => n + s.relevant, 0);
  const answered = scores.filter((s) => s.quoted > 0).length;
  return {
    precision: quoted === 0 ? 0 : relevant / quoted,
    recall: scores.length === 0 ? 0 : scores.filter((s) => s.relevant > 0).length / scores.length,
    sentencesPerAnswer: answered === 0 ? 0 : quoted / answered,
  };
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * Maps offsets in the text ingestion indexes back to offsets in the file as stored. The parser drops
 * a byte-order mark and turns CRLF/CR into LF; passage labels index the file itself.
 */
export function parsedToFileOffsets(file: string): (parsedOffset: number) => number {
  const map: number[] = [];
  let i = file.startsWith("\uFEFF") ? 1 : 0;
  for (; i < file.length; i += 1) {
    map.push(i);
    if (file[i] === "\r" && file[i + 1] === "\n") i += 1;
  }
  map.push(file.length);
  return (offset) => map[Math.min(offset, map.length - 1)]!;
}

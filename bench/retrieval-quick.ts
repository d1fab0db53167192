/**
 * Quick offline retrieval sanity check on the dev sets (not the real benchmark, which runs on the
 * database): chunk the corpus, embed with the offline embedder, and compare brute-force cosine,
 * BM25 over keyword tokens, and their reciprocal rank fusion by passage-level recall.
 *
 *   npx tsx bench/retrieval-quick.ts [--max-chars 700] [--overlap 100] [--lang en|zh] [--no-headings]
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chunkDocument, type Chunk } from "@/server/knowledge/ingest/chunk";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { keywordTokens, queryTokens } from "@/server/knowledge/text/tokenize";

const DEV_SETS = "/work/shared/evals/retrieval-dev";
const RRF_K = 60;
const CANDIDATES = 50;
const BM25_K1 = 1.2;
const BM25_B = 0.75;

interface Query {
  id: string;
  query: string;
  variant: "original" | "paraphrase" | "detail";
  query_detail?: string;
  relevant_docs: string[];
  relevant_passages: string[];
}

interface PassageSpan {
  passage_id: string;
  doc: string;
  start: number;
  end: number;
}

interface IndexedChunk extends Chunk {
  doc: string;
}

type Ranking = number[]; // chunk indices, best first

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** What gets embedded and indexed: the heading path gives a chunk the topic its body may not name. */
function searchText(chunk: Chunk, withHeadings: boolean): string {
  return withHeadings ? `${chunk.headingPath.join(" / ")}\n${chunk.content}` : chunk.content;
}

function topK(scores: Float64Array, k: number): Ranking {
  return [...scores.keys()]
    .filter((i) => scores[i]! > 0)
    .sort((a, b) => scores[b]! - scores[a]!)
    .slice(0, k);
}

function vectorRankings(chunkVectors: number[][], queryVectors: number[][]): Ranking[] {
  return queryVectors.map((q) => {
    const scores = new Float64Array(chunkVectors.length);
    chunkVectors.forEach((v, i) => {
      let dot = 0;
      for (let d = 0; d < q.length; d += 1) dot += q[d]! * v[d]!;
      scores[i] = dot + 1; // cosine shifted positive so topK keeps every chunk
    });
    return topK(scores, CANDIDATES);
  });
}

function bm25Rankings(chunkTexts: string[], queries: string[]): Ranking[] {
  const docs = chunkTexts.map((text) => {
    const tf = new Map<string, number>();
    const tokens = keywordTokens(text);
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    return { tf, length: tokens.length };
  });
  const df = new Map<string, number>();
  for (const { tf } of docs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const avgLength = docs.reduce((a, d) => a + d.length, 0) / docs.length;
  return queries.map((query) => {
    const scores = new Float64Array(docs.length);
    for (const term of queryTokens(query)) {
      const n = df.get(term) ?? 0;
      if (n === 0) continue;
      const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
      docs.forEach(({ tf, length }, i) => {
        const f = tf.get(term) ?? 0;
        if (f > 0) scores[i]! += (idf * f * (BM25_K1 + 1)) / (f + BM25_K1 * (1 - BM25_B + (BM25_B * length) / avgLength));
      });
    }
    return topK(scores, CANDIDATES);
  });
}

function fuse(a: Ranking, b: Ranking): Ranking {
  const scores = new Map<number, number>();
  for (const ranking of [a, b]) ranking.forEach((chunk, rank) => scores.set(chunk, (scores.get(chunk) ?? 0) + 1 / (RRF_K + rank + 1)));
  return [...scores.entries()].sort((x, y) => y[1] - x[1]).map(([chunk]) => chunk);
}

/** A hit: same document, and the spans overlap by at least half of the shorter one. */
function isHit(chunk: IndexedChunk, query: Query, passages: Map<string, PassageSpan>): boolean {
  if (!query.relevant_docs.includes(chunk.doc)) return false;
  return query.relevant_passages.some((id) => {
    const p = passages.get(id)!;
    const overlap = Math.min(chunk.charEnd, p.end) - Math.max(chunk.charStart, p.start);
    return p.doc === chunk.doc && overlap >= 0.5 * Math.min(chunk.charEnd - chunk.charStart, p.end - p.start);
  });
}

interface Metrics {
  r1: number;
  r5: number;
  r10: number;
  mrr: number;
  docHit5: number;
}

function evaluate(rankings: Ranking[], queries: Query[], chunks: IndexedChunk[], passages: Map<string, PassageSpan>): Metrics {
  const sum: Metrics = { r1: 0, r5: 0, r10: 0, mrr: 0, docHit5: 0 };
  rankings.forEach((ranking, qi) => {
    const query = queries[qi]!;
    const first = ranking.slice(0, 10).findIndex((c) => isHit(chunks[c]!, query, passages));
    if (first === 0) sum.r1 += 1;
    if (first >= 0 && first < 5) sum.r5 += 1;
    if (first >= 0) {
      sum.r10 += 1;
      sum.mrr += 1 / (first + 1);
    }
    if (ranking.slice(0, 5).some((c) => query.relevant_docs.includes(chunks[c]!.doc))) sum.docHit5 += 1;
  });
  const n = rankings.length;
  return { r1: sum.r1 / n, r5: sum.r5 / n, r10: sum.r10 / n, mrr: sum.mrr / n, docHit5: sum.docHit5 / n };
}

function format(m: Metrics): string {
  const f = (x: number): string => x.toFixed(2);
  return `R@1 ${f(m.r1)}  R@5 ${f(m.r5)}  R@10 ${f(m.r10)}  MRR@10 ${f(m.mrr)}  docHit@5 ${f(m.docHit5)}`;
}

async function runSet(language: string, maxChars: number, overlapChars: number, withHeadings: boolean): Promise<void> {
  const dir = path.join(DEV_SETS, language);
  const files = readdirSync(path.join(dir, "corpus")).filter((f) => f.endsWith(".md")).sort();
  const chunks: IndexedChunk[] = files.flatMap((doc) =>
    chunkDocument(readFileSync(path.join(dir, "corpus", doc), "utf8"), { format: "markdown", maxChars, overlapChars }).map(
      (chunk) => ({ ...chunk, doc }),
    ),
  );
  // Chinese originals carry the patient's longer description: a third, long-query variant.
  const queries = readJsonl<Query>(path.join(dir, "queries.jsonl")).flatMap((q) =>
    q.query_detail ? [q, { ...q, id: `${q.id}-d`, query: q.query_detail, variant: "detail" as const }] : [q],
  );
  const passages = new Map(readJsonl<PassageSpan>(path.join(dir, "passages.jsonl")).map((p) => [p.passage_id, p]));

  const embedder = createOfflineEmbedder();
  const texts = chunks.map((c) => searchText(c, withHeadings));
  const started = performance.now();
  const chunkVectors = await embedder.embed(texts);
  const embedMs = performance.now() - started;
  const queryVectors = await embedder.embed(queries.map((q) => q.query));

  const vector = vectorRankings(chunkVectors, queryVectors);
  const bm25 = bm25Rankings(texts, queries.map((q) => q.query));
  const fused = vector.map((v, i) => fuse(v, bm25[i]!));

  const meanChars = chunks.reduce((a, c) => a + c.content.length, 0) / chunks.length;
  console.log(
    `\n[${language}] ${files.length} docs -> ${chunks.length} chunks (mean ${meanChars.toFixed(0)} chars); ` +
      `embedded in ${embedMs.toFixed(0)} ms (${((embedMs / chunks.length) * 1000).toFixed(0)} µs/chunk)`,
  );
  for (const variant of ["original", "paraphrase", "detail", "all"] as const) {
    const picked = queries.map((q, i) => [q, i] as const).filter(([q]) => variant === "all" ? q.variant !== "detail" : q.variant === variant);
    if (picked.length === 0) continue;
    const subset = picked.map(([q]) => q);
    for (const [name, rankings] of [["vector", vector], ["bm25", bm25], ["fused", fused]] as const) {
      const m = evaluate(picked.map(([, i]) => rankings[i]!), subset, chunks, passages);
      console.log(`  ${variant.padEnd(10)} ${name.padEnd(6)} ${format(m)}`);
    }
  }
}

const { values } = parseArgs({
  options: {
    "max-chars": { type: "string", default: "700" },
    overlap: { type: "string", default: "100" },
    lang: { type: "string" },
    "no-headings": { type: "boolean", default: false },
  },
});
const maxChars = Number(values["max-chars"]);
const overlap = Number(values.overlap);
console.log(`chunks: maxChars ${maxChars}, overlap ${overlap}, headings ${values["no-headings"] ? "off" : "on"}`);
for (const language of values.lang ? [values.lang] : ["en", "zh"]) {
  await runSet(language, maxChars, overlap, !values["no-headings"]);
}

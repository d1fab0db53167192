/**
 * Retrieval benchmark on the real pipeline: uploads a labelled corpus as one avatar (uploadFiles ->
 * drainIngestionQueue) into a fresh database, adds other avatars' documents and a disabled copy so
 * scoping is exercised, runs every query through retrievePassages and scores chunks against the
 * labelled passage spans (see retrieval-metrics.ts). The last stdout line is one JSON object.
 *
 *   npx tsx bench/retrieval.ts --data <dir> [--distractors <dir>]... [--queries <file>]...
 *
 * <dir> holds corpus/, queries.jsonl and passages.jsonl (format: /work/shared/evals/retrieval-dev).
 * --queries adds another queries.jsonl on the same corpus (blind paraphrases, say), scored on its own
 * under "extra" in the JSON line.
 *
 * Besides retrieval it scores the offline composer (server/chat/compose/offline.ts) on the top 5 passages,
 * as the chat engine calls it: answer_precision (share of quoted sentences that lie in a relevant
 * passage) and answer_recall (share of questions whose answer quotes one). Timings: the pipeline's
 * p50/p95, its stages' p95 (stages of one query can overlap), and knn_p95_ms, the bare pgvector
 * nearest-10 query for the same query vectors on the same data. cpu_p50_ms/cpu_p95_ms: the process's
CPU time per query, which other load on a shared machine moves much less than wall time (load_1m says how loaded it was).
 * Distractor folders default to the sibling folders of <dir> that have a corpus/. Runs on an embedded
 * database in a temporary folder, or on DATABASE_URL (in a new organization, removed afterwards).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq, inArray } from "drizzle-orm";
import { selectAnswerSentences } from "@/server/chat/compose/offline";
import { type Database, openDatabase } from "@/db/client";
import { documents, organizations, passages, users } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { ZAvatarProfile } from "@/server/avatars/avatar.schema";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { addDocument, setDocumentEnabled } from "@/server/knowledge/document.service";
import { getEmbedder } from "@/server/knowledge/embed";
import { ACCEPTED_EXTENSIONS } from "@/server/knowledge/ingest/parse";
import { type RetrievalTimings, type RetrievedPassage, retrievePassages } from "@/server/knowledge/retrieve/retrieve";
import { detectLanguage } from "@/server/knowledge/text/language";
import { uploadFiles } from "@/server/knowledge/upload.service";
import { createTestOrg } from "@/server/test/db";
import {
  type AnswerScore,
  type LabelledQuery,
  parsedToFileOffsets,
  percentile,
  type QueryScore,
  scoreAnswer,
  scoreQuery,
  type Span,
  summarize,
  summarizeAnswers,
  type Summary,
} from "./retrieval-metrics";

const LIMIT = 10;
/** Passages the chat engine retrieves for an answer (retrievePassages' default), which the composer quotes from. */
const ANSWER_PASSAGES = 5;
const WARM_UP_QUERIES = 5;
const SHADOW_DOCUMENTS = 5;
const UPLOAD_LIMITS = { maxBytes: 100 << 20 };
/** Questions no medical corpus answers: the relevance floor should say "nothing found" to most. */
const OFF_TOPIC = [
  "How do I fix a flat bicycle tire?",
  "What is the capital of France?",
  "Can you recommend a good science fiction novel?",
  "When does the next train to Boston leave?",
  "明天北京会下雨吗？",
  "股票应该怎么投资？",
  "怎样才能学好英语？",
  "推荐一部好看的科幻小说",
];

interface QueryLine {
  id: string;
  query: string;
  variant: string;
  query_detail?: string;
  relevant_docs: string[];
  relevant_passages: string[];
}

interface PassageLine {
  passage_id: string;
  doc: string;
  start: number;
  end: number;
}

interface CorpusFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
  text: string;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

function readCorpus(dir: string): CorpusFile[] {
  const folder = path.join(dir, "corpus");
  return readdirSync(folder)
    .filter((name) => ACCEPTED_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)))
    .sort()
    .map((name) => {
      const file = readFileSync(path.join(folder, name));
      return { name, bytes: new Uint8Array(file), text: file.toString("utf8") };
    });
}

function siblingCorpora(dir: string): string[] {
  const parent = path.dirname(path.resolve(dir));
  return readdirSync(parent, { withFileTypes: true })
    .filter((e) => e.isDirectory() && path.join(parent, e.name) !== path.resolve(dir) && existsSync(path.join(parent, e.name, "corpus")))
    .map((e) => path.join(parent, e.name));
}

async function newAvatar(database: Database, actor: Principal<"staff">, name: string, sample: string): Promise<string> {
  const language = detectLanguage(sample) === "zh" ? "zh-CN" : "en";
  return (await createAvatar(database.db, actor, ZAvatarProfile.parse({ name, title: "", specialty: "", bio: "", greeting: "", language, disclaimer: "", region: "INTL" }))).id;
}

/** Uploads files the way the studio does; any refused file stops the benchmark. */
async function upload(database: Database, actor: Principal<"staff">, avatarId: string, files: CorpusFile[]): Promise<void> {
  const results = await uploadFiles(database.db, actor, { avatarId, files: files.map((f) => new File([f.bytes], f.name)) }, UPLOAD_LIMITS);
  const refused = results.filter((r) => !r.ok);
  if (refused.length > 0) throw new Error(`Upload refused: ${JSON.stringify(refused)}`);
}

async function assertAllReady(database: Database, avatarId: string): Promise<void> {
  const rows = await database.db.select({ title: documents.title, status: documents.status, error: documents.error }).from(documents).where(eq(documents.avatarId, avatarId));
  const notReady = rows.filter((r) => r.status !== "ready");
  if (notReady.length > 0) throw new Error(`Ingestion did not finish: ${JSON.stringify(notReady)}`);
}

const fixed = (x: number, digits = 3): number => Number(x.toFixed(digits));

function formatRow(label: string, s: Summary): string {
  const f = (x: number): string => x.toFixed(3);
  return `  ${label.padEnd(11)} n=${String(s.queries).padEnd(3)} R@1 ${f(s.recallAt1)}  R@5 ${f(s.recallAt5)}  R@10 ${f(s.recallAt10)}  MRR@10 ${f(s.reciprocalRankAt10)}  docHit@5 ${f(s.docHitAt5)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: "string" }, distractors: { type: "string", multiple: true }, queries: { type: "string", multiple: true } } });
  if (!values.data) {
    console.error("Usage: npx tsx bench/retrieval.ts --data <dir> [--distractors <dir>]... [--queries <file>]...");
    process.exit(2);
  }
  const dataDir = values.data;
  const corpus = readCorpus(dataDir);
  const queries = readJsonl<QueryLine>(path.join(dataDir, "queries.jsonl"));
  const extraQueries = (values.queries ?? []).flatMap((file) => readJsonl<QueryLine>(file));
  const spans = new Map(readJsonl<PassageLine>(path.join(dataDir, "passages.jsonl")).map((p) => [p.passage_id, p]));
  const distractorDirs = values.distractors ?? siblingCorpora(dataDir);
  if (corpus.length === 0 || queries.length === 0) throw new Error(`No corpus or queries in ${dataDir}`);

  const tempDir = process.env.DATABASE_URL ? null : mkdtempSync(path.join(os.tmpdir(), "fenshen-bench-"));
  const database = await openDatabase(tempDir ? { dataDir: tempDir } : { url: process.env.DATABASE_URL! });
  const embedder = getEmbedder();
  const orgIds: string[] = [];
  const userIds: string[] = [];
  const newOrg = async (): Promise<Principal<"staff">> => {
    const { orgId, actors } = await createTestOrg(database, ["doctor"]);
    orgIds.push(orgId);
    userIds.push(actors.doctor.userId);
    return actors.doctor;
  };

  try {
    console.log(`engine ${database.engine}, embedder ${embedder.id}, corpus ${corpus.length} files, ${queries.length} queries`);
    const doctor = await newOrg();
    const avatarId = await newAvatar(database, doctor, "Benchmark avatar", corpus[0]!.text);
    await upload(database, doctor, avatarId, corpus);
    const ingestStarted = performance.now();
    await drainIngestionQueue(database.db, embedder);
    const ingestSeconds = (performance.now() - ingestStarted) / 1000;
    await assertAllReady(database, avatarId);

    // What must never come back: other avatars' documents (another organization, including copies of
    // this corpus) and a disabled near-copy of one of this avatar's documents.
    const other = await newOrg();
    const shadow = await newAvatar(database, other, "Shadow avatar", corpus[0]!.text);
    await upload(database, other, shadow, corpus.slice(0, SHADOW_DOCUMENTS));
    for (const dir of distractorDirs) {
      const files = readCorpus(dir);
      if (files.length > 0) await upload(database, other, await newAvatar(database, other, path.basename(dir), files[0]!.text), files);
    }
    const disabledCopy = await addDocument(database.db, doctor, {
      avatarId, title: "Disabled copy", filename: null, format: "markdown", bytes: new TextEncoder().encode(`${corpus[0]!.text}\n\nDisabled copy.\n`),
    }, UPLOAD_LIMITS);
    await drainIngestionQueue(database.db, embedder);
    await setDocumentEnabled(database.db, doctor, disabledCopy.document.id, false);

    // Chunk spans of the avatar's enabled documents, in file offsets, by passage id.
    const docs = await database.db.select({ id: documents.id, filename: documents.filename }).from(documents).where(eq(documents.avatarId, avatarId));
    const fileOf = new Map(docs.flatMap((d) => (d.filename && d.id !== disabledCopy.document.id ? [[d.id, d.filename] as const] : [])));
    const toFile = new Map(corpus.map((f) => [f.name, parsedToFileOffsets(f.text)]));
    const rows = await database.db
      .select({ id: passages.id, documentId: passages.documentId, start: passages.charStart, end: passages.charEnd })
      .from(passages)
      .where(inArray(passages.documentId, [...fileOf.keys()]));
    const chunkSpans = new Map<string, Span>(
      rows.map((r) => {
        const doc = fileOf.get(r.documentId)!;
        const map = toFile.get(doc)!;
        return [r.id, { doc, start: map(r.start), end: map(r.end) }];
      }),
    );
    console.log(`ingested ${corpus.length} documents into ${chunkSpans.size} passages in ${ingestSeconds.toFixed(1)} s; distractors: ${distractorDirs.map((d) => path.basename(d)).join(", ") || "none"}`);

    const search = (query: string, timings?: RetrievalTimings) => retrievePassages(database.db, { avatarId, query, embedder, limit: LIMIT, timings });
    for (const q of queries.slice(0, WARM_UP_QUERIES)) await search(q.query);

    const latencies: number[] = [];
    // CPU time of the process per query: the wall clock also counts waiting for a core on a shared machine.
    const cpu: number[] = [];
    const loadAverages: number[] = [];
    const stages: Record<keyof RetrievalTimings, number[]> = { embed: [], keyword: [], vector: [], rerank: [] };
    let leaks = 0;
    const spanOf = (r: RetrievedPassage): Span | null => {
      const chunk = chunkSpans.get(r.id);
      if (!chunk) leaks += 1;
      return chunk ?? null;
    };
    /** The span of a quoted sentence: where it sits in its passage's content, from the passage's start. */
    const sentenceSpan = (passage: RetrievedPassage, text: string): Span | null => {
      const chunk = chunkSpans.get(passage.id);
      const at = passage.content.indexOf(text);
      if (!chunk || at < 0) return null;
      const start = Math.min(chunk.start + at, chunk.end);
      return { doc: chunk.doc, start, end: Math.min(start + text.length, chunk.end) };
    };
    const run = async (query: string, label: LabelledQuery, timed: boolean): Promise<{ score: QueryScore; answer: AnswerScore }> => {
      const timings: RetrievalTimings = { embed: 0, keyword: 0, vector: 0, rerank: 0 };
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const results = await search(query, timings);
      if (timed) {
        latencies.push(performance.now() - started);
        const used = process.cpuUsage(cpuStarted);
        cpu.push((used.user + used.system) / 1000);
        loadAverages.push(os.loadavg()[0]!);
        for (const stage of Object.keys(stages) as (keyof RetrievalTimings)[]) stages[stage].push(timings[stage]);
      }
      const ranking = results.flatMap((r) => spanOf(r) ?? []);
      const top = results.slice(0, ANSWER_PASSAGES);
      const sentences = selectAnswerSentences({ question: query, passages: top });
      const byId = new Map(top.map((p) => [p.id, p]));
      const quoted = sentences.map((s) => sentenceSpan(byId.get(s.passageId)!, s.text) ?? { doc: "", start: 0, end: 0 });
      return { score: scoreQuery(ranking, label), answer: scoreAnswer(quoted, label) };
    };
    const labelOf = (q: QueryLine): LabelledQuery => ({
      relevantDocs: q.relevant_docs,
      relevantPassages: q.relevant_passages.map((id) => {
        const p = spans.get(id);
        if (!p) throw new Error(`Query ${q.id}: unknown passage ${id}`);
        return p;
      }),
    });

    type Scored = { variant: string; score: QueryScore; answer: AnswerScore };
    const scoreAll = async (list: QueryLine[], timed: boolean): Promise<Scored[]> => {
      const scored: Scored[] = [];
      for (const q of list) {
        const label = labelOf(q);
        scored.push({ variant: q.variant, ...(await run(q.query, label, timed)) });
        // The long patient description, where a set has one: reported on its own, not in the totals.
        if (q.query_detail) scored.push({ variant: "detail", ...(await run(q.query_detail, label, false)) });
      }
      return scored;
    };
    const scored = await scoreAll(queries, true);
    const extra = await scoreAll(extraQueries, false);
    if (leaks > 0) throw new Error(`${leaks} retrieved passages came from another avatar or a disabled document`);

    const pick = (list: Scored[], variant?: string) => list.filter((s) => (variant ? s.variant === variant : s.variant !== "detail"));
    const of = (variant?: string, list = scored) => summarize(pick(list, variant).map((s) => s.score));
    const all = of();
    const original = of("original");
    const paraphrase = of("paraphrase");
    const answers = summarizeAnswers(pick(scored).map((s) => s.answer));
    console.log(formatRow("all", all));
    for (const variant of new Set(scored.map((s) => s.variant))) console.log(formatRow(variant, of(variant)));
    console.log(`  offline answer: precision ${answers.precision.toFixed(3)}, recall ${answers.recall.toFixed(3)}, ${answers.sentencesPerAnswer.toFixed(1)} sentences per answer`);
    let extraSummary: Record<string, unknown> | undefined;
    if (extra.length > 0) {
      const extraAll = of(undefined, extra);
      const extraAnswers = summarizeAnswers(pick(extra).map((s) => s.answer));
      console.log(formatRow("extra", extraAll));
      for (const variant of new Set(extra.map((s) => s.variant))) console.log(formatRow(`extra ${variant}`, of(variant, extra)));
      console.log(`  extra offline answer: precision ${extraAnswers.precision.toFixed(3)}, recall ${extraAnswers.recall.toFixed(3)}`);
      extraSummary = {
        queries: extraAll.queries,
        recall_at_1: fixed(extraAll.recallAt1),
        recall_at_5: fixed(extraAll.recallAt5),
        recall_at_10: fixed(extraAll.recallAt10),
        mrr_at_10: fixed(extraAll.reciprocalRankAt10),
        doc_hit_at_5: fixed(extraAll.docHitAt5),
        answer_precision: fixed(extraAnswers.precision),
        answer_recall: fixed(extraAnswers.recall),
      };
    }
    let offTopicAnswered = 0;
    for (const question of OFF_TOPIC) if ((await search(question)).length > 0) offTopicAnswered += 1;
    console.log(`  off-topic questions answered: ${offTopicAnswered}/${OFF_TOPIC.length} (fewer is better)`);

    // The bare pgvector query on the same data, for the same query vectors (embedding not included).
    const knn: number[] = [];
    const timedQueries = queries.map((q) => q.query);
    const vectors = await embedder.embed(timedQueries);
    await database.query("set hnsw.iterative_scan = relaxed_order");
    for (const vector of vectors) {
      const started = performance.now();
      await database.query(
        `select id from passages where avatar_id = $1 and vector_dims(embedding) = ${vector.length} order by embedding::vector(${vector.length}) <=> $2::vector(${vector.length}) limit ${LIMIT}`,
        [avatarId, `[${vector.join(",")}]`],
      );
      knn.push(performance.now() - started);
    }
    await database.query("reset hnsw.iterative_scan");

    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    const knnP95 = percentile(knn, 95);
    const cpuP50 = percentile(cpu, 50);
    const cpuP95 = percentile(cpu, 95);
    const load = loadAverages.reduce((a, b) => a + b, 0) / Math.max(loadAverages.length, 1);
    const stageP95 = (stage: keyof RetrievalTimings) => fixed(percentile(stages[stage], 95), 1);
    console.log(`  latency p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${latencies.length} queries (after ${WARM_UP_QUERIES} warm-up); bare pgvector kNN p95 ${knnP95.toFixed(1)} ms`);
    console.log(`  CPU per query p50 ${cpuP50.toFixed(1)} ms, p95 ${cpuP95.toFixed(1)} ms; 1-minute load average ${load.toFixed(1)} while timing`);
    console.log(`  stage p95: embed ${stageP95("embed")} ms, keyword ${stageP95("keyword")} ms, vector ${stageP95("vector")} ms, rerank ${stageP95("rerank")} ms`);
    console.log(
      JSON.stringify({
        recall_at_1: fixed(all.recallAt1),
        recall_at_5: fixed(all.recallAt5),
        recall_at_10: fixed(all.recallAt10),
        mrr_at_10: fixed(all.reciprocalRankAt10),
        recall_at_5_original: fixed(original.recallAt5),
        recall_at_5_paraphrase: fixed(paraphrase.recallAt5),
        doc_hit_at_5: fixed(all.docHitAt5),
        answer_precision: fixed(answers.precision),
        answer_recall: fixed(answers.recall),
        p50_ms: fixed(p50, 1),
        p95_ms: fixed(p95, 1),
        knn_p95_ms: fixed(knnP95, 1),
        cpu_p50_ms: fixed(cpuP50, 1),
        cpu_p95_ms: fixed(cpuP95, 1),
        load_1m: fixed(load, 1),
        stages: { embed_p95_ms: stageP95("embed"), keyword_p95_ms: stageP95("keyword"), vector_p95_ms: stageP95("vector"), rerank_p95_ms: stageP95("rerank") },
        ingest_s: fixed(ingestSeconds, 2),
        passages: chunkSpans.size,
        ...(extraSummary ? { extra: extraSummary } : {}),
      }),
    );
  } finally {
    if (tempDir) {
      await database.close();
      rmSync(tempDir, { recursive: true, force: true });
    } else {
      await database.db.delete(organizations).where(inArray(organizations.id, orgIds));
      if (userIds.length > 0) await database.db.delete(users).where(inArray(users.id, userIds));
      await database.close();
    }
  }
}

await main();

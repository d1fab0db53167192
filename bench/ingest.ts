/**
 * Ingestion and retrieval-at-scale benchmark. The last stdout line is one JSON object.
 *
 *   npx tsx bench/ingest.ts [--pages 1200] [--small 10000] [--large 100000] [--others 20000] [--queries 100]
 *                           [--shared-buffers 128MB|1GB|none] [--keep <dir>] [--formulary 20000]
 *
 * 1. Ingestion through the real pipeline: a generated bilingual Markdown/text corpus (bench/corpus.ts;
 *    a page is ~2,400 English or ~1,100 Chinese characters) is added with addDocument and processed by
 *    drainIngestionQueue (parse, chunk, embed, index). Reports pages/s, MB/s, passages/s and the
 *    process's peak resident memory while ingesting.
 * 2. Scale: the avatar from step 1 is topped up to --small passages, a second avatar gets --large,
 *    and other avatars --others in all, by inserting synthetic passages with SQL (generated text,
 *    embedded by the offline embedder, keyword vectors built exactly as ingestion builds them): the
 *    pipeline would take far longer, and the question here is the query side. On the embedded engine
 *    the HNSW index is dropped for the bulk load and rebuilt (same definition) afterwards.
 * 3. Retrieval latency p50/p95 of the real retrievePassages (top 10) for the --small and the --large
 *    avatar, each next to the bare pgvector nearest-neighbour query on the same data (HNSW, filtered by
 *    avatar, iterative scan, top 10); plus the cold build of the avatar's keyword statistics and the
 *    HNSW leg's recall against exact search, with shared_buffers as the app starts PGlite
 *    (PGLITE_SHARED_BUFFERS). Then once more with --shared-buffers, for comparison.
 *
 * 4. Patients beside a large upload: a drug formulary of --formulary short headed sections (20,000 is
 *    about 450 KB of Markdown) is ingested into a database of its own while a timer ticks every 10 ms and
 *    a query like /api/health's runs every 50 ms. Reports the longest the event loop was held (the
 *    longest gap between ticks beyond their 10 ms) and the longest such a query waited; 0 skips this step.
 *
 * Runs on an embedded database in a temporary folder (PGlite is single-process: never the app's own).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { type Database, type Db, getMigrationState, openDatabase, rowsOf } from "@/db/client";
import { documents } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { ZAvatarProfile } from "@/server/avatars/avatar.schema";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { addDocument } from "@/server/knowledge/document.service";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { formatFromFilename } from "@/server/knowledge/ingest/parse";
import { formularyMarkdown } from "@/server/knowledge/ingest/parsers/fixtures";
import { clearAvatarStats, getAvatarStats } from "@/server/knowledge/retrieve/avatar-stats";
import { keywordVectorSql, passageKeywordFields } from "@/server/knowledge/retrieve/keyword-index";
import { retrievePassages } from "@/server/knowledge/retrieve/retrieve";
import { chooseVectorStrategy, HNSW_CANDIDATES, vectorSearch } from "@/server/knowledge/retrieve/search";
import { getConfig } from "@/server/env";
import { createTestOrg } from "@/server/test/db";
import { generateCorpus, generatePassage, generateQueries, type Lang } from "./corpus";
import { seededRandom } from "@/server/lib/random";
import { percentile } from "./retrieval-metrics";

const UPLOAD_LIMITS = { maxBytes: 100 << 20 };
const SYNTHETIC_DOCUMENT_PASSAGES = 100;
const INSERT_BATCH = 500;
const WARM_UP_QUERIES = 10;
const RECALL_QUERIES = 10;
/** The offline embedder's partial HNSW index, as migration 0010 creates it. */
const HNSW_INDEX = "passages_embedding_hnsw_384";
const HNSW_DDL = `CREATE INDEX IF NOT EXISTS "${HNSW_INDEX}" ON "passages" USING hnsw (("embedding"::vector(384)) vector_cosine_ops) WHERE vector_dims("embedding") = 384`;

const round = (x: number, digits = 1): number => Number(x.toFixed(digits));
const log = (message: string) => console.log(message);

/** Peak resident memory, sampled: the process's maxRSS covers its whole life, this one a phase. */
function memorySampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

async function newAvatar(db: Db, actor: Principal<"staff">, name: string): Promise<string> {
  return (await createAvatar(db, actor, ZAvatarProfile.parse({ name, title: "", specialty: "", bio: "", greeting: "", language: "en", disclaimer: "", region: "INTL" }))).id;
}

/** Step 1: the generated corpus through addDocument and the ingestion job. */
async function ingestCorpus(db: Db, actor: Principal<"staff">, avatarId: string, embedder: Embedder, pages: number) {
  const corpus = generateCorpus(7, pages);
  const encoder = new TextEncoder();
  const memory = memorySampler();
  const started = performance.now();
  let bytes = 0;
  for (const doc of corpus) {
    const data = encoder.encode(doc.text);
    bytes += data.byteLength;
    await addDocument(db, actor, { avatarId, title: doc.title, filename: doc.filename, format: formatFromFilename(doc.filename), bytes: data }, UPLOAD_LIMITS);
  }
  const stored = performance.now();
  const processed = await drainIngestionQueue(db, embedder);
  const seconds = (performance.now() - started) / 1000;
  const peakRss = memory.stop();
  const [row] = rowsOf<{ passages: number; failed: number }>(
    await db.execute(sql`select coalesce(sum(passage_count), 0)::int as passages, count(*) filter (where status <> 'ready')::int as failed from ${documents} where avatar_id = ${avatarId}`),
  );
  if (processed !== corpus.length || row!.failed > 0) throw new Error(`Ingestion processed ${processed} of ${corpus.length} documents; ${row!.failed} not ready`);
  return {
    documents: corpus.length,
    pages: corpus.reduce((n, d) => n + d.pages, 0),
    en_pages: corpus.filter((d) => d.lang === "en").reduce((n, d) => n + d.pages, 0),
    mb: bytes / 1e6,
    passages: row!.passages,
    store_s: (stored - started) / 1000,
    seconds,
    peakRss,
  };
}

/** Step 2: synthetic passages for one avatar, in documents of SYNTHETIC_DOCUMENT_PASSAGES, straight into the tables. */
async function insertSynthetic(db: Db, actor: Principal<"staff">, avatarId: string, embedder: Embedder, count: number, seed: number): Promise<void> {
  const random = seededRandom(seed);
  for (let done = 0; done < count; ) {
    const n = Math.min(SYNTHETIC_DOCUMENT_PASSAGES, count - done);
    const [doc] = await db
      .insert(documents)
      .values({ orgId: actor.orgId, avatarId, title: `Synthetic ${seed}-${done}`, format: "markdown", contentHash: `synthetic-${seed}-${done}`, byteSize: 0, status: "ready", progress: 100, passageCount: n })
      .returning({ id: documents.id });
    // About 60% English, 40% Chinese, like the generated corpus.
    const generated = Array.from({ length: n }, () => generatePassage(random, (random() < 0.6 ? "en" : "zh") as Lang));
    const vectors = await embedder.embed(generated.map((p) => [...p.headingPath, p.content].join("\n")));
    for (let i = 0; i < n; i += INSERT_BATCH) {
      const rows = generated.slice(i, i + INSERT_BATCH).map((p, j) => {
        const fields = passageKeywordFields({ title: p.headingPath[0]!, headingPath: p.headingPath.slice(1), content: p.content });
        return { ord: i + j, hp: p.headingPath.slice(1), content: p.content, ...fields, emb: `[${vectors[i + j]!.join(",")}]` };
      });
      await db.execute(sql`
        insert into passages (org_id, avatar_id, document_id, ordinal, heading_path, content, char_start, char_end, keywords, embedding, embedder)
        select ${actor.orgId}, ${avatarId}, ${doc!.id}, t.ord, t.hp, t.content, 0, length(t.content),
               ${keywordVectorSql(sql`t.head`, sql`t.concepts`, sql`t.body`)}, t.emb::vector, ${embedder.id}
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as t(ord int, hp jsonb, content text, head text, concepts text, body text, emb text)`);
    }
    done += n;
  }
}

async function passageCount(db: Db, avatarId?: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(avatarId ? sql`select count(*)::int as n from passages where avatar_id = ${avatarId}` : sql`select count(*)::int as n from passages`));
  return row!.n;
}

interface Latency {
  p50: number;
  p95: number;
}

async function timed(queries: string[], run: (query: string) => Promise<unknown>): Promise<Latency> {
  for (const q of queries.slice(0, WARM_UP_QUERIES)) await run(q);
  const times: number[] = [];
  for (const q of queries) {
    const started = performance.now();
    await run(q);
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** The bare pgvector query: nearest 10 of the avatar's passages through HNSW (iterative scan), nothing else. */
async function bareNearest(database: Database, avatarId: string, vector: number[]): Promise<void> {
  await database.query(
    "select id from passages where avatar_id = $1 and vector_dims(embedding) = 384 order by embedding::vector(384) <=> $2::vector(384) limit 10",
    [avatarId, `[${vector.join(",")}]`],
  );
}

/** Step 3 for one avatar. */
async function measure(database: Database, avatarId: string, embedder: Embedder, queries: string[]) {
  const { db } = database;
  clearAvatarStats();
  const statsStarted = performance.now();
  const stats = await getAvatarStats(db, avatarId);
  const statsMs = performance.now() - statsStarted;
  const strategy = chooseVectorStrategy(stats);
  const retrieval = await timed(queries, (query) => retrievePassages(db, { avatarId, query, embedder, limit: 10 }));
  const vectors = new Map<string, number[]>();
  for (const q of queries) vectors.set(q, (await embedder.embed([q]))[0]!);
  await database.query("set hnsw.iterative_scan = relaxed_order");
  const bare = await timed(queries, (query) => bareNearest(database, avatarId, vectors.get(query)!));
  await database.query("reset hnsw.iterative_scan");
  // How much of the exact top k the HNSW leg finds (k = the vector candidates retrieval fuses).
  let found = 0;
  let wanted = 0;
  for (const q of queries.slice(0, RECALL_QUERIES)) {
    const vector = vectors.get(q)!;
    const exact = await vectorSearch(db, { avatarId, embedderId: embedder.id, vector, limit: HNSW_CANDIDATES, strategy: "exact" });
    const approx = new Set((await vectorSearch(db, { avatarId, embedderId: embedder.id, vector, limit: HNSW_CANDIDATES, strategy })).map((h) => h.id));
    wanted += exact.length;
    found += exact.filter((h) => approx.has(h.id)).length;
  }
  return { passages: stats.passages, statsMs, strategy, retrieval, bare, vectorRecall: wanted > 0 ? found / wanted : 1 };
}

/** Step 4: how long the event loop and a health-check query wait while one large document is ingested. */
async function ingestBesidePatients(sections: number) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "fenshen-bench-formulary-"));
  const database = await openDatabase({ dataDir });
  try {
    const { db } = database;
    const doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
    const avatarId = await newAvatar(db, doctor, "Formulary avatar");
    const data = new TextEncoder().encode(formularyMarkdown(sections));
    await addDocument(db, doctor, { avatarId, title: "Formulary", filename: "formulary.md", format: "markdown", bytes: data }, UPLOAD_LIMITS);
    const TICK_MS = 10;
    let maxGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last - TICK_MS);
      last = now;
    }, TICK_MS);
    let done = false;
    let maxQueryWait = 0;
    let queries = 0;
    const prober = (async () => {
      while (!done) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const started = performance.now();
        await getMigrationState(database);
        maxQueryWait = Math.max(maxQueryWait, performance.now() - started);
        queries += 1;
      }
    })();
    const started = performance.now();
    await drainIngestionQueue(db, createOfflineEmbedder());
    const seconds = (performance.now() - started) / 1000;
    done = true;
    await prober;
    // One more tick, so a hold that lasted to the end is counted too.
    await new Promise((resolve) => setTimeout(resolve, 2 * TICK_MS));
    clearInterval(ticker);
    const [row] = rowsOf<{ passages: number }>(await db.execute(sql`select coalesce(sum(passage_count), 0)::int as passages from ${documents} where avatar_id = ${avatarId} and status = 'ready'`));
    return { kb: data.byteLength / 1000, sections, passages: row!.passages, seconds, maxGapMs: maxGap, maxQueryWaitMs: maxQueryWait, queries };
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Measured = Record<"small" | "large", Awaited<ReturnType<typeof measure>>>;

async function measureBoth(database: Database, avatars: { small: string; large: string }, embedder: Embedder, queries: string[], label: string): Promise<Measured> {
  const [{ shared_buffers: buffers } = { shared_buffers: "?" }] = await database.query<{ shared_buffers: string }>("show shared_buffers");
  const out = {} as Measured;
  for (const size of ["small", "large"] as const) {
    const m = await measure(database, avatars[size], embedder, queries);
    out[size] = m;
    log(
      `[${label}, shared_buffers ${buffers}] ${m.passages} passages: retrievePassages p50 ${m.retrieval.p50.toFixed(1)} ms, p95 ${m.retrieval.p95.toFixed(1)} ms ` +
        `[vector leg ${m.strategy}, its recall@${HNSW_CANDIDATES} vs exact ${m.vectorRecall.toFixed(3)}]; bare pgvector top-10 p50 ${m.bare.p50.toFixed(1)} ms, ` +
        `p95 ${m.bare.p95.toFixed(1)} ms; keyword statistics built cold in ${m.statsMs.toFixed(0)} ms`,
    );
  }
  return out;
}

function latencyFields(m: Measured, prefix = ""): Record<string, number> {
  return {
    [`${prefix}p50_ms_10k`]: round(m.small.retrieval.p50),
    [`${prefix}p95_ms_10k`]: round(m.small.retrieval.p95),
    [`${prefix}bare_p50_ms_10k`]: round(m.small.bare.p50),
    [`${prefix}bare_p95_ms_10k`]: round(m.small.bare.p95),
    [`${prefix}p50_ms_100k`]: round(m.large.retrieval.p50),
    [`${prefix}p95_ms_100k`]: round(m.large.retrieval.p95),
    [`${prefix}bare_p50_ms_100k`]: round(m.large.bare.p50),
    [`${prefix}bare_p95_ms_100k`]: round(m.large.bare.p95),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pages: { type: "string", default: "1200" },
      small: { type: "string", default: "10000" },
      large: { type: "string", default: "100000" },
      others: { type: "string", default: "20000" },
      queries: { type: "string", default: "100" },
      /** Measure retrieval again with this PGlite shared_buffers (128MB is PGlite's own default); "none" skips it. */
      "shared-buffers": { type: "string", default: "128MB" },
      /** Keep the database in this (new) folder for a closer look, instead of a temporary one. */
      keep: { type: "string" },
      /** Sections of the generated formulary for step 4; 0 skips it. */
      formulary: { type: "string", default: "20000" },
    },
  });
  const pages = Number(values.pages);
  const small = Number(values.small);
  const large = Number(values.large);
  const others = Number(values.others);
  const comparedBuffers = values["shared-buffers"] === "none" ? null : values["shared-buffers"]!;
  if (comparedBuffers && !/^\d+(kB|MB|GB)$/.test(comparedBuffers)) throw new Error(`--shared-buffers: expected a size like 512MB or 1GB, got ${comparedBuffers}`);
  const queries = generateQueries(99, Number(values.queries));
  const benchStarted = performance.now();

  const formularySections = Number(values.formulary);
  const formulary = formularySections > 0 ? await ingestBesidePatients(formularySections) : null;
  if (formulary) {
    log(
      `formulary of ${formulary.sections} sections (${formulary.kb.toFixed(0)} KB) into ${formulary.passages} passages in ${formulary.seconds.toFixed(1)} s: ` +
        `event loop held at most ${formulary.maxGapMs.toFixed(0)} ms; a health-check query waited at most ${formulary.maxQueryWaitMs.toFixed(0)} ms (${formulary.queries} ran meanwhile)`,
    );
  }

  const dataDir = values.keep ?? mkdtempSync(path.join(os.tmpdir(), "fenshen-bench-ingest-"));
  const shippedBuffers = getConfig().PGLITE_SHARED_BUFFERS;
  let database = await openDatabase({ dataDir, sharedBuffers: shippedBuffers });
  const embedder = createOfflineEmbedder();
  try {
    const { db } = database;
    const { actors } = await createTestOrg(database, ["doctor"]);
    const doctor = actors.doctor;
    const avatars = { small: await newAvatar(db, doctor, "Benchmark avatar (small)"), large: await newAvatar(db, doctor, "Benchmark avatar (large)") };
    log(`engine ${database.engine}, embedder ${embedder.id}`);

    const ingest = await ingestCorpus(db, doctor, avatars.small, embedder, pages);
    log(
      `ingested ${ingest.documents} documents, ${ingest.pages} pages (${ingest.en_pages} English), ${ingest.mb.toFixed(2)} MB into ${ingest.passages} passages ` +
        `in ${ingest.seconds.toFixed(1)} s (storing uploads ${ingest.store_s.toFixed(1)} s): ${(ingest.pages / ingest.seconds).toFixed(1)} pages/s, ` +
        `${(ingest.mb / ingest.seconds).toFixed(2)} MB/s, peak RSS ${(ingest.peakRss / 1e6).toFixed(0)} MB`,
    );

    // Bulk load without the HNSW index, then build it once (much faster than growing it row by row).
    await db.execute(sql.raw(`drop index if exists ${HNSW_INDEX}`));
    const loadStarted = performance.now();
    const topUp = Math.max(0, small - ingest.passages);
    await insertSynthetic(db, doctor, avatars.small, embedder, topUp, 1);
    await insertSynthetic(db, doctor, avatars.large, embedder, large, 2);
    const otherAvatars = 8;
    for (let i = 0; i < otherAvatars; i += 1) {
      const other = (await createTestOrg(database, ["doctor"])).actors.doctor;
      await insertSynthetic(db, other, await newAvatar(db, other, `Other avatar ${i}`), embedder, Math.round(others / otherAvatars), 10 + i);
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const synthetic = topUp + large + others;
    log(`inserted ${synthetic} synthetic passages with SQL in ${loadSeconds.toFixed(1)} s`);
    const indexStarted = performance.now();
    await db.execute(sql`set maintenance_work_mem = '1GB'`);
    await db.execute(sql.raw(HNSW_DDL));
    await db.execute(sql`reset maintenance_work_mem`);
    // What drainIngestionQueue does after ingesting: fresh planner statistics.
    await db.execute(sql`analyze`);
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    const total = await passageCount(db);
    log(`built the HNSW index over ${total} passages in ${indexSeconds.toFixed(1)} s`);

    const measured = await measureBoth(database, avatars, embedder, queries, "as shipped");
    let compared: Measured | null = null;
    if (comparedBuffers) {
      await database.close();
      database = await openDatabase({ dataDir, sharedBuffers: comparedBuffers });
      compared = await measureBoth(database, avatars, embedder, queries, "compared");
    }
    console.log(
      JSON.stringify({
        engine: database.engine,
        embedder: embedder.id,
        pages: ingest.pages,
        documents: ingest.documents,
        mb: round(ingest.mb, 2),
        passages_ingested: ingest.passages,
        ingest_s: round(ingest.seconds, 2),
        pages_per_s: round(ingest.pages / ingest.seconds),
        mb_per_s: round(ingest.mb / ingest.seconds, 3),
        passages_per_s: round(ingest.passages / ingest.seconds),
        peak_rss_mb: Math.round(ingest.peakRss / 1e6),
        synthetic_passages_sql: synthetic,
        synthetic_load_s: round(loadSeconds),
        hnsw_build_s: round(indexSeconds),
        total_passages: total,
        passages_10k: measured.small.passages,
        passages_100k: measured.large.passages,
        ...latencyFields(measured),
        vector_strategy_10k: measured.small.strategy,
        vector_strategy_100k: measured.large.strategy,
        [`vector_recall_at_${HNSW_CANDIDATES}_10k`]: round(measured.small.vectorRecall, 3),
        [`vector_recall_at_${HNSW_CANDIDATES}_100k`]: round(measured.large.vectorRecall, 3),
        stats_build_ms_10k: Math.round(measured.small.statsMs),
        stats_build_ms_100k: Math.round(measured.large.statsMs),
        shared_buffers: shippedBuffers,
        ...(compared ? { compared_shared_buffers: comparedBuffers, ...latencyFields(compared, "compared_") } : {}),
        queries: queries.length,
        ...(formulary
          ? {
              formulary_sections: formulary.sections,
              formulary_kb: round(formulary.kb),
              formulary_passages: formulary.passages,
              formulary_ingest_s: round(formulary.seconds, 2),
              formulary_loop_max_delay_ms: Math.round(formulary.maxGapMs),
              formulary_query_max_wait_ms: Math.round(formulary.maxQueryWaitMs),
              formulary_queries_during_ingest: formulary.queries,
            }
          : {}),
        bench_s: round((performance.now() - benchStarted) / 1000),
        note: "passages beyond the pipeline-ingested ones were inserted with SQL (generated text, offline embedder); compared_* = same data with shared_buffers at compared_shared_buffers",
      }),
    );
  } finally {
    await database.close();
    if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

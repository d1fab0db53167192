import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, rowsOf } from "@/db/client";
import { createAvatar } from "@/server/avatars/avatar.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { pasteDocument } from "@/server/knowledge/document.service";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createOpenAIEmbedder } from "@/server/knowledge/embed/openai";
import { uploadFiles } from "@/server/knowledge/upload.service";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { startFakeEmbeddingsServer } from "@/server/test/embeddings-server";
import { rankCuratedAnswers } from "./curated";
import { retrievePassages } from "./retrieve";
import { cosineDistance, hasDimensions, vectorSearch } from "./search";

/** A 768-dimensional model behind an OpenAI-compatible endpoint: words hashed into the dimensions. */
const WIDE = 768;
function bagOfWords(text: string): number[] {
  const v = new Array<number>(WIDE).fill(0);
  for (const word of text.toLowerCase().match(/[a-z]+|\p{Script=Han}/gu) ?? []) {
    let h = 0;
    for (const ch of word) h = (h * 31 + ch.charCodeAt(0)) % WIDE;
    v[h]! += 1;
  }
  return v;
}

const limits = { maxBytes: 1 << 20 };
const SALT = "# Salt\n\nEat less than five grams of salt a day; salt raises blood pressure.";
const SLEEP = "# Sleep\n\nAdults need seven to nine hours of sleep each night.";

let database: Database;
let server: Awaited<ReturnType<typeof startFakeEmbeddingsServer>>;
let wide: Embedder;
const offline = createOfflineEmbedder();
let wideAvatar: string;
let narrowAvatar: string;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startFakeEmbeddingsServer({ dimensions: WIDE, embed: bagOfWords });
  wide = createOpenAIEmbedder({ baseURL: server.baseURL, model: "wide", dimensions: WIDE, timeoutMs: 5_000, batchSize: 16 });
  const { doctor } = (await createTestOrg(database, ["doctor"])).actors;
  wideAvatar = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Wide"))).id;
  narrowAvatar = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Narrow"))).id;
  // The narrow avatar is indexed first by the offline embedder (384), the wide one by the 768 model:
  // both sizes live in the one column.
  await pasteDocument(database.db, doctor, { avatarId: narrowAvatar, title: "Salt", text: SALT }, limits);
  await drainIngestionQueue(database.db, offline);
  await pasteDocument(database.db, doctor, { avatarId: wideAvatar, title: "Salt", text: SALT }, limits);
  await pasteDocument(database.db, doctor, { avatarId: wideAvatar, title: "Sleep", text: SLEEP }, limits);
  const faq = new File(["question,answer\nHow much salt may I eat?,Less than five grams a day.\n"], "faq.csv");
  await uploadFiles(database.db, doctor, { avatarId: wideAvatar, files: [faq] }, limits);
  await drainIngestionQueue(database.db, wide);
});

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe("embedders of any dimension", () => {
  it("stores 384- and 768-dimensional vectors side by side", async () => {
    const rows = rowsOf<{ dims: number; n: number }>(
      await database.db.execute(sql`select vector_dims(embedding) as dims, count(*)::int as n from passages group by 1 order by 1`),
    );
    expect(rows.map((r) => r.dims)).toEqual([384, WIDE]);
  });

  it("retrieves with the 768-dimensional embedder, exactly and through the HNSW index alike", async () => {
    const hits = await retrievePassages(database.db, { avatarId: wideAvatar, query: "how much salt a day", embedder: wide });
    // The salt passage or the FAQ entry that restates it: either answers; this test is about the dimension.
    expect(hits[0]?.content).toMatch(/five grams/);
    expect(hits[0]!.similarity).toBeGreaterThan(0);
    const [vector] = await wide.embed(["hours of sleep"]);
    const args = { avatarId: wideAvatar, embedderId: wide.id, vector: vector!, limit: 2 };
    const exact = await vectorSearch(database.db, { ...args, strategy: "exact" });
    const approximate = await vectorSearch(database.db, { ...args, strategy: "hnsw" });
    expect(approximate.map((h) => h.id)).toEqual(exact.map((h) => h.id));
    expect(exact).toHaveLength(2);
  });

  it("ranks curated answers by the 768-dimensional question embedding", async () => {
    const [best] = await rankCuratedAnswers(database.db, { avatarId: wideAvatar, query: "How much salt may I eat?", embedder: wide });
    expect(best?.matched).toBe(true);
    expect(best!.similarity).toBeCloseTo(1, 5);
  });

  it.each([384, 768, 1024, 1536, 3072])("queries %i-dimensional vectors through the partial HNSW index of that size", async (d) => {
    const literal = `[${new Array<number>(d).fill(0.5).join(",")}]`;
    for (const table of ["passages", "curated_answers"]) {
      const column = sql.raw(`${table}.embedding`);
      const plan = await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return rowsOf<{ "QUERY PLAN": string }>(
          await tx.execute(sql`explain select id from ${sql.raw(table)} where ${hasDimensions(column, d)} order by ${cosineDistance(column, literal, d)} limit 5`),
        );
      });
      expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain(`${table}_embedding_hnsw_${d}`);
    }
  });
});

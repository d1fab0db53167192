import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { curatedAnswers, documents, passages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { pasteDocument } from "@/server/knowledge/document.service";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { passageKeywordVector } from "@/server/knowledge/retrieve/keyword-index";
import { retrievePassages } from "@/server/knowledge/retrieve/retrieve";
import { vectorSearch } from "@/server/knowledge/retrieve/search";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { drainIngestionQueue } from "./ingest";
import { TOKENIZER_VERSION } from "@/server/knowledge/text/tokenize";
import { reindexForEmbedder, requeueForEmbedder, requeueForTokenizer } from "./reindex";

const limits = { maxBytes: 1 << 20 };
const oldEmbedder = createOfflineEmbedder();
/** Another model of the same size: its vectors must never be compared with the old ones. */
const newEmbedder: Embedder = { id: "other-model:384", dimensions: oldEmbedder.dimensions, embed: (texts) => oldEmbedder.embed(texts.map((t) => t.toUpperCase())) };

let database: Database;
let doctor: Principal<"staff">;
let avatarId: string;
let documentId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  avatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Reindex"))).id;
  documentId = (await pasteDocument(database.db, doctor, { avatarId, title: "Salt", text: "# Salt\n\nEat less than five grams of salt a day.\n\n# Sleep\n\nAdults need seven hours of sleep." }, limits)).document.id;
  await drainIngestionQueue(database.db, oldEmbedder);
});

afterAll(async () => {
  await database?.close();
});

const embeddersOf = async () => new Set((await database.db.select({ e: passages.embedder }).from(passages).where(eq(passages.documentId, documentId))).map((r) => r.e));

describe("changing the embedder", () => {
  it("never compares the new embedder's query vectors with the old vectors", async () => {
    const [vector] = await newEmbedder.embed(["salt per day"]);
    for (const strategy of ["exact", "hnsw"] as const) {
      expect(await vectorSearch(database.db, { avatarId, embedderId: newEmbedder.id, vector: vector!, limit: 10, strategy })).toEqual([]);
    }
    // Until re-indexed, keyword search still answers.
    const [top] = await retrievePassages(database.db, { avatarId, query: "grams of salt", embedder: newEmbedder });
    expect(top?.headingPath).toEqual(["Salt"]);
    expect(top?.similarity).toBe(0);
  });

  it("re-queues the documents another embedder indexed, and they stay searchable while queued", async () => {
    expect(await requeueForEmbedder(database.db, oldEmbedder)).toBe(0);
    expect(await requeueForEmbedder(database.db, newEmbedder)).toBe(1);
    const [doc] = await database.db.select().from(documents).where(eq(documents.id, documentId));
    expect(doc).toMatchObject({ status: "queued", attempts: 0, progress: 0 });
    const [top] = await retrievePassages(database.db, { avatarId, query: "grams of salt", embedder: newEmbedder });
    expect(top?.headingPath).toEqual(["Salt"]);
  });

  it("re-embeds them in the background job, without duplicates, and then has nothing left to do", async () => {
    expect(await drainIngestionQueue(database.db, newEmbedder)).toBe(1);
    expect(await embeddersOf()).toEqual(new Set([newEmbedder.id]));
    const rows = await database.db.select().from(passages).where(eq(passages.documentId, documentId));
    expect(rows).toHaveLength(2);
    const [top] = await retrievePassages(database.db, { avatarId, query: "grams of salt", embedder: newEmbedder });
    expect(top?.similarity).toBeGreaterThan(0);
    expect(await reindexForEmbedder(database.db, newEmbedder)).toEqual({ documents: 0, curatedAnswers: 0 });
  });

  it("re-embeds hand-written curated answers, which belong to no document", async () => {
    const [vector] = await oldEmbedder.embed(["Can I drink coffee?"]);
    await database.db.insert(curatedAnswers).values({
      orgId: doctor.orgId,
      avatarId,
      question: "Can I drink coffee?",
      answer: "One or two cups a day are fine.",
      keywords: passageKeywordVector({ title: "", headingPath: ["Can I drink coffee?"], content: "One or two cups a day are fine." }),
      embedding: vector!,
      embedder: oldEmbedder.id,
    });
    expect(await reindexForEmbedder(database.db, newEmbedder)).toEqual({ documents: 0, curatedAnswers: 1 });
    const [answer] = await database.db.select().from(curatedAnswers).where(eq(curatedAnswers.avatarId, avatarId));
    expect(answer!.embedder).toBe(newEmbedder.id);
    expect(answer!.embedding).toEqual((await newEmbedder.embed(["Can I drink coffee?"]))[0]!.map((x) => expect.closeTo(x, 5)));
  });
});

describe("changing the keyword tokenizer", () => {
  it("marks what ingestion indexed with the current tokenizer version", async () => {
    const [doc] = await database.db.select().from(documents).where(eq(documents.id, documentId));
    expect(doc!.tokenizerVersion).toBe(TOKENIZER_VERSION);
    expect(await requeueForTokenizer(database.db)).toBe(0);
  });

  it("re-queues documents and re-tokenizes hand-written curated answers of an older version at start", async () => {
    await database.db.update(documents).set({ tokenizerVersion: TOKENIZER_VERSION - 1 }).where(eq(documents.id, documentId));
    await database.db.update(curatedAnswers).set({ tokenizerVersion: TOKENIZER_VERSION - 1 }).where(eq(curatedAnswers.avatarId, avatarId));
    expect(await reindexForEmbedder(database.db, newEmbedder)).toEqual({ documents: 1, curatedAnswers: 0 });
    const [queued] = await database.db.select().from(documents).where(eq(documents.id, documentId));
    expect(queued).toMatchObject({ status: "queued", attempts: 0 });
    const answers = await database.db.select().from(curatedAnswers).where(eq(curatedAnswers.avatarId, avatarId));
    expect(answers.map((a) => a.tokenizerVersion)).toEqual(answers.map(() => TOKENIZER_VERSION));
    // Still searchable while queued; the job brings it to the current version.
    const [top] = await retrievePassages(database.db, { avatarId, query: "grams of salt", embedder: newEmbedder });
    expect(top?.headingPath).toEqual(["Salt"]);
    expect(await drainIngestionQueue(database.db, newEmbedder)).toBe(1);
    const [ready] = await database.db.select().from(documents).where(eq(documents.id, documentId));
    expect(ready).toMatchObject({ status: "ready", tokenizerVersion: TOKENIZER_VERSION });
    expect(await requeueForTokenizer(database.db)).toBe(0);
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { documents, passages } from "@/db/schema";
import { createAvatar } from "@/server/avatars/avatar.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { pasteDocument, setDocumentEnabled } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { queryTerms, termFrequencyReader } from "./keyword-index";
import { getAvatarStats } from "./avatar-stats";
import { keywordSearch, vectorSearch } from "./search";

const embedder = createOfflineEmbedder();
const limits = { maxBytes: 1 << 20 };

const GOUT = [
  "# Gout",
  "## Diet",
  "Limit red meat, shellfish and beer.",
  "## Kidney stones",
  "Uric acid can also form stones; drink plenty of water.",
  "## Heart",
  "A myocardial infarction needs emergency care.",
].join("\n\n");
// Many passages that are closer to the query than anything of the gout avatar.
const CROWD = Array.from({ length: 150 }, (_, i) => `# Red meat ${i}\n\nRed meat and beer, red meat and beer, number ${i}.`).join("\n\n");

let database: Database;
let goutAvatar: string;
let goutPassages: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  const { doctor } = (await createTestOrg(database, ["doctor"])).actors;
  goutAvatar = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Gout"))).id;
  const crowdAvatar = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Crowd"))).id;
  await pasteDocument(database.db, doctor, { avatarId: goutAvatar, title: "Gout", text: GOUT }, limits);
  const hidden = await pasteDocument(database.db, doctor, { avatarId: goutAvatar, title: "Hidden", text: "# Beer\n\nRed meat and beer." }, limits);
  await pasteDocument(database.db, doctor, { avatarId: crowdAvatar, title: "Crowd", text: CROWD }, limits);
  await drainIngestionQueue(database.db, embedder);
  await setDocumentEnabled(database.db, doctor, hidden.document.id, false);
  const rows = await database.db
    .select({ id: passages.id })
    .from(passages)
    .innerJoin(documents, eq(documents.id, passages.documentId))
    .where(eq(documents.title, "Gout"));
  goutPassages = rows.map((r) => r.id);
});

afterAll(async () => {
  await database?.close();
});

describe("vectorSearch", () => {
  it("ranks all of the avatar's visible passages, however many closer ones other avatars have", async () => {
    const [vector] = await embedder.embed(["red meat and beer"]);
    // As on a large table, where the planner prefers walking the shared HNSW index to sorting, filtering after it.
    await database.query("set enable_sort = off");
    const hits = await vectorSearch(database.db, { avatarId: goutAvatar, embedderId: embedder.id, vector: vector!, limit: 10 });
    await database.query("reset enable_sort");
    expect(hits.map((h) => h.id).sort()).toEqual([...goutPassages].sort());
    expect(hits.map((h) => h.similarity)).toEqual([...hits.map((h) => h.similarity)].sort((a, b) => b - a));
  });

  it("finds the same nearest passages through the HNSW index, filtered by avatar while scanning", async () => {
    const [vector] = await embedder.embed(["uric acid stones"]);
    const args = { avatarId: goutAvatar, embedderId: embedder.id, vector: vector!, limit: goutPassages.length };
    const exact = await vectorSearch(database.db, { ...args, strategy: "exact" });
    const approximate = await vectorSearch(database.db, { ...args, strategy: "hnsw" });
    expect(approximate.map((h) => h.id)).toEqual(exact.map((h) => h.id));
    expect(approximate.map((h) => h.similarity)).toEqual(exact.map((h) => expect.closeTo(h.similarity, 6)));
    // Asked for more than the avatar has, the index scan comes back short and exact ranking takes over.
    expect(await vectorSearch(database.db, { ...args, limit: 10, strategy: "hnsw" })).toHaveLength(goutPassages.length);
  });

  it("ignores vectors from another embedder", async () => {
    const [vector] = await embedder.embed(["red meat and beer"]);
    expect(await vectorSearch(database.db, { avatarId: goutAvatar, embedderId: "other-embedder", vector: vector!, limit: 10 })).toEqual([]);
  });
});

describe("keywordSearch", () => {
  it("scores with IDF within the avatar and boosts words of the headings", async () => {
    const { hits, documentFrequency, total } = await keywordSearch(database.db, { avatarId: goutAvatar, terms: queryTerms("diet for gout"), limit: 10, stats: await getAvatarStats(database.db, goutAvatar) });
    expect(total).toBe(goutPassages.length);
    // "gout" is in every passage's title; "diet" only in one heading.
    expect(documentFrequency.get("gout")).toBe(goutPassages.length);
    expect(documentFrequency.get("diet")).toBe(1);
    const [top] = await database.db.select().from(passages).where(eq(passages.id, hits[0]!.id));
    expect(top!.headingPath).toEqual(["Gout", "Diet"]);
    expect(hits.every((h) => goutPassages.includes(h.id))).toBe(true);
  });

  it("matches a lay phrase to the clinical term through concepts", async () => {
    const { hits } = await keywordSearch(database.db, { avatarId: goutAvatar, terms: queryTerms("heart attack"), limit: 10, stats: await getAvatarStats(database.db, goutAvatar) });
    const [top] = await database.db.select().from(passages).where(eq(passages.id, hits[0]!.id));
    expect(top!.content).toContain("myocardial infarction");
  });

  it("reads a keyword index's text as Postgres's unnest reads the index, escaped lexemes included", async () => {
    const [row] = await database.query<{ text: string; entries: { lexeme: string; weights: string[] | null }[] }>(`
      with v as (select setweight(to_tsvector('simple', 'gout diet'), 'A') || setweight('zcgout'::tsvector, 'B')
                      || $$'it''s':3 'a\\\\b':4,9 'gout':5,6 'bare'$$::tsvector as k)
      select k::text as text, (select json_agg(json_build_object('lexeme', u.lexeme, 'weights', u.weights)) from unnest(k) u) as entries from v`);
    const expected = row!.entries.map(({ lexeme, weights }) => ({
      term: lexeme,
      frequency: { body: (weights ?? []).filter((w) => w === "D").length, heading: (weights ?? []).includes("A"), concept: (weights ?? []).includes("B") },
    }));
    expect(expected.map((e) => e.term)).toContain("a\\b");
    expect(termFrequencyReader([...expected.map((e) => e.term)].reverse())(row!.text)).toEqual(expected);
  });

  it("finds nothing when no term occurs", async () => {
    const stats = await getAvatarStats(database.db, goutAvatar);
    expect((await keywordSearch(database.db, { avatarId: goutAvatar, terms: queryTerms("puppy vaccines"), limit: 10, stats })).hits).toEqual([]);
    expect((await keywordSearch(database.db, { avatarId: goutAvatar, terms: [], limit: 10, stats })).hits).toEqual([]);
  });
});

describe("passage storage", () => {
  it("keeps a whole passage row (text, keywords and vector) in the heap, so ranking reads no toast table", async () => {
    const { doctor } = (await createTestOrg(database, ["doctor"])).actors;
    const avatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Long"))).id;
    // About 2 KB of varied text per passage: with its keywords and 384-dimension vector, a row over the default 2 KB toast target.
    const paragraph = (n: number) => Array.from({ length: 40 }, (_, i) => `Finding ${n}-${i} alters dosage schedule variant${n * 40 + i}.`).join(" ");
    await pasteDocument(database.db, doctor, { avatarId, title: "Long", text: [1, 2, 3].map((n) => `## Part ${n}\n\n${paragraph(n)}`).join("\n\n") }, limits);
    await drainIngestionQueue(database.db, embedder);
    const [row] = await database.query<{ rows: number; bytes: number; toast: number }>(`
      select count(*)::int as rows, max(pg_column_size(p.*))::int as bytes,
             (select pg_relation_size(reltoastrelid)::int from pg_class where relname = 'passages') as toast
      from passages p where p.avatar_id = $1`, [avatarId]);
    expect(row!.rows).toBeGreaterThan(0);
    expect(row!.bytes).toBeGreaterThan(2100);
    expect(row!.toast).toBe(0);
  });
});

import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, rowsOf } from "@/db/client";
import { documents } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { deleteDocument, pasteDocument, setDocumentEnabled } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { includedCorpusIds, listCorpora, setAvatarCorpus } from "@/server/knowledge/corpus.service";
import { clearAvatarStats, getAvatarStats, getLiveScopeStats } from "./avatar-stats";
import { retrievePassages } from "./retrieve";

const embedder = createOfflineEmbedder();
const limits = { maxBytes: 1 << 20 };

let database: Database;
let doctor: Principal<"staff">;
let avatarId: string;
let otherAvatarId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  avatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Stats"))).id;
  otherAvatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Other"))).id;
});

afterAll(async () => {
  await database?.close();
});

/** What the statistics should be, counted directly from the passages retrieval may return. */
async function counted(term: string) {
  const [row] = rowsOf<{ passages: number; with_term: number; avg_length: number }>(
    await database.db.execute(sql`
      select count(*)::int as passages, count(*) filter (where p.keywords @@ ${term}::tsquery)::int as with_term,
             coalesce(avg(length(p.keywords)), 0)::float8 as avg_length
      from passages p join documents d on d.id = p.document_id
      where p.avatar_id = ${avatarId} and d.enabled and d.status <> 'failed'`),
  );
  return row!;
}

async function expectCurrent(term: string) {
  const stats = await getAvatarStats(database.db, avatarId);
  const truth = await counted(term);
  expect(stats.passages).toBe(truth.passages);
  expect(stats.df.get(term) ?? 0).toBe(truth.with_term);
  expect(stats.avgLength).toBeCloseTo(truth.avg_length, 6);
  // Whatever path produced them (incremental or not), they equal a recount from scratch.
  clearAvatarStats();
  const fresh = await getAvatarStats(database.db, avatarId);
  expect(new Map(fresh.df)).toEqual(new Map(stats.df));
  return stats;
}

const paste = async (avatar: string, title: string, text: string) => (await pasteDocument(database.db, doctor, { avatarId: avatar, title, text }, limits)).document.id;

describe("per-avatar keyword statistics", () => {
  let goutDoc: string;
  let sleepDoc: string;

  it("count the avatar's passages and each term's document frequency, not other avatars'", async () => {
    goutDoc = await paste(avatarId, "Gout", "# Gout\n\nGout flares hurt.\n\n# Diet\n\nLess beer helps gout.\n\n# Water\n\nDrink water.");
    await paste(otherAvatarId, "Other gout", "# Gout\n\nGout gout gout, another avatar's gout.");
    await drainIngestionQueue(database.db, embedder);
    const stats = await expectCurrent("gout");
    expect(stats.passages).toBe(3);
    expect(stats.df.get("gout")).toBe(3); // the title is indexed with every passage
    expect(stats.df.get("beer")).toBe(1);
    expect(stats.df.has("anoth")).toBe(false);
  });

  it("add a new document's terms and stay cached while nothing changes", async () => {
    sleepDoc = await paste(avatarId, "Sleep", "# Sleep\n\nSleep eight hours; gout pain can wake you.");
    await drainIngestionQueue(database.db, embedder);
    const stats = await expectCurrent("gout");
    expect(stats.df.get("sleep")).toBe(1);
    expect(await getAvatarStats(database.db, avatarId)).toStrictEqual(await getAvatarStats(database.db, avatarId));
  });

  it("follow a disabled, re-enabled and deleted document", async () => {
    await setDocumentEnabled(database.db, doctor, goutDoc, false);
    expect((await expectCurrent("gout")).passages).toBe(1);
    await setDocumentEnabled(database.db, doctor, goutDoc, true);
    expect((await expectCurrent("gout")).passages).toBe(4);
    await deleteDocument(database.db, doctor, sleepDoc);
    expect((await expectCurrent("sleep")).df.has("sleep")).toBe(false);
  });

  it("keep a document that is being re-indexed searchable until its new passages are in, and drop a failed one", async () => {
    await database.db.update(documents).set({ status: "queued" }).where(eq(documents.id, goutDoc));
    expect((await expectCurrent("gout")).passages).toBe(3);
    const [hit] = await retrievePassages(database.db, { avatarId, query: "beer and gout", embedder });
    expect(hit?.documentId).toBe(goutDoc);
    await database.db.update(documents).set({ status: "failed" }).where(eq(documents.id, goutDoc));
    expect((await expectCurrent("gout")).passages).toBe(0);
    expect(await retrievePassages(database.db, { avatarId, query: "beer and gout", embedder })).toEqual([]);
  });
});

describe("the live scope of a question", () => {
  it("comes with the shared corpora the avatar includes now, read with the statistics, and the same statistics as its scope", async () => {
    const { admin, doctor: owner } = (await createTestOrg(database, ["admin", "doctor"])).actors;
    const avatar = (await createAvatar(database.db, owner, testAvatarProfile("Dr. Shared"))).id;
    const corpusId = (await listCorpora(database.db, admin)).find((c) => c.kind === "organization")!.id;
    await pasteDocument(database.db, admin, { corpusId, title: "Hours", text: "# Hours\n\nThe clinic opens on Monday." }, limits);
    await drainIngestionQueue(database.db, embedder);

    const live = await getLiveScopeStats(database.db, { avatarId: avatar });
    expect(live.scope.corpusIds).toEqual(await includedCorpusIds(database.db, avatar));
    expect(live.scope.corpusIds).toContain(corpusId);
    expect(live.stats.passages).toBe(1);
    expect(live.stats.df.get("clinic")).toBe(1);
    // One cache entry whichever way the statistics are asked for: both read the same stamp.
    expect((await getAvatarStats(database.db, live.scope)).df).toBe(live.stats.df);

    await setAvatarCorpus(database.db, owner, { avatarId: avatar, corpusId, included: false });
    const without = await getLiveScopeStats(database.db, { avatarId: avatar });
    expect(without.scope.corpusIds).not.toContain(corpusId);
    expect(without.stats.passages).toBe(0);
  });
});

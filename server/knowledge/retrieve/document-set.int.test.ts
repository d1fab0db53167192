import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { passages } from "@/db/schema";
import { createAvatar } from "@/server/avatars/avatar.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { pasteDocument, setDocumentEnabled } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { uploadFiles } from "@/server/knowledge/upload.service";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { findCuratedAnswer } from "./curated";
import { retrievePassages } from "./retrieve";
import { vectorSearch } from "./search";

const embedder = createOfflineEmbedder();
const limits = { maxBytes: 1 << 20 };

let database: Database;
let avatarId: string;
let otherAvatarId: string;
const ids = { salt: "", saltZh: "", sleep: "", faq: "", foreign: "" };

beforeAll(async () => {
  database = await createTestDatabase();
  const { doctor } = (await createTestOrg(database, ["doctor"])).actors;
  avatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Versions"))).id;
  otherAvatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Other"))).id;
  const paste = async (title: string, text: string, on = avatarId) => (await pasteDocument(database.db, doctor, { avatarId: on, title, text }, limits)).document.id;
  ids.salt = await paste("Salt", "# Salt\n\nEat less than five grams of salt a day.");
  ids.saltZh = await paste("盐", "# 吃盐\n\n每天吃盐不超过5克。");
  ids.sleep = await paste("Sleep", "# Sleep\n\nSleep seven to nine hours; salt late at night disturbs sleep.");
  ids.foreign = await paste("Other salt", "# Salt\n\nSalt advice of another avatar.", otherAvatarId);
  const faq = new File(["question,answer\nHow much salt may I eat?,Less than five grams a day.\n"], "faq.csv");
  const [uploaded] = await uploadFiles(database.db, doctor, { avatarId, files: [faq] }, limits);
  if (!uploaded?.ok) throw new Error("the FAQ sheet was refused");
  ids.faq = uploaded.documentId;
  await drainIngestionQueue(database.db, embedder);
  // The draft has since disabled the Chinese salt document; a version frozen before still has it.
  await setDocumentEnabled(database.db, doctor, ids.saltZh, false);
});

afterAll(async () => {
  await database?.close();
});

const documentsOf = async (query: string, documentIds?: string[]) =>
  new Set((await retrievePassages(database.db, { avatarId, query, embedder, documentIds, limit: 10 })).map((p) => p.documentId));

describe("retrieval restricted to a set of documents", () => {
  it("returns only passages of the given documents, before ranking", async () => {
    expect(await documentsOf("salt per day")).toContain(ids.salt);
    expect(await documentsOf("salt late at night", [ids.sleep])).toEqual(new Set([ids.sleep]));
    expect(await documentsOf("five grams of salt", [ids.sleep])).not.toContain(ids.salt);
  });

  it("serves a frozen set's document that the draft has disabled since", async () => {
    expect(await documentsOf("每天吃多少盐")).not.toContain(ids.saltZh);
    expect(await documentsOf("每天吃多少盐", [ids.saltZh])).toEqual(new Set([ids.saltZh]));
  });

  it("never reaches another avatar's document, even when its id is in the set", async () => {
    expect(await documentsOf("salt advice", [ids.foreign])).toEqual(new Set());
  });

  it("filters both vector strategies", async () => {
    const [vector] = await embedder.embed(["salt"]);
    const sleepPassages = (await database.db.select({ id: passages.id }).from(passages).where(eq(passages.documentId, ids.sleep))).map((p) => p.id);
    for (const strategy of ["exact", "hnsw"] as const) {
      const hits = await vectorSearch(database.db, { avatarId, documentIds: [ids.sleep], embedderId: embedder.id, vector: vector!, limit: 5, strategy });
      expect(hits.map((h) => h.id).sort()).toEqual([...sleepPassages].sort());
    }
  });

  it("filters curated answers by the FAQ sheet they came from", async () => {
    const query = "How much salt may I eat?";
    expect(await findCuratedAnswer(database.db, { avatarId, query, embedder })).toMatchObject({ documentId: ids.faq });
    expect(await findCuratedAnswer(database.db, { avatarId, query, embedder, documentIds: [ids.faq] })).toMatchObject({ documentId: ids.faq });
    expect(await findCuratedAnswer(database.db, { avatarId, query, embedder, documentIds: [ids.salt] })).toBeNull();
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createAvatar } from "@/server/avatars/avatar.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { pasteDocument } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { retrievePassages } from "./retrieve";

const embedder = createOfflineEmbedder();
const CORPUS = path.join(process.cwd(), "server", "demo", "corpus");

let database: Database;
let avatarId: string;

/** The demo avatar's corpus, as the demo seed gives it. */
beforeAll(async () => {
  database = await createTestDatabase();
  const { doctor } = (await createTestOrg(database, ["doctor"])).actors;
  avatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Lin", { language: "zh-CN" }))).id;
  for (const file of ["hypertension-zh.md", "hypertension-en.md", "chest-pain-zh-en.md"]) {
    await pasteDocument(database.db, doctor, { avatarId, title: file, text: readFileSync(path.join(CORPUS, file), "utf8") }, { maxBytes: 1 << 20 });
  }
  await drainIngestionQueue(database.db, embedder);
});

afterAll(async () => {
  await database?.close();
});

describe("one-character Chinese words in retrieval", () => {
  it.each(["每天吃多少盐合适？", "高血压患者每天应该吃多少盐？", "吃盐要注意什么？"])("finds the salt passage for %s", async (query) => {
    const [first] = await retrievePassages(database.db, { avatarId, query, embedder });
    expect(first?.content).toContain("每天不超过5克");
  });

  it("finds the medication passage for a question about 药", async () => {
    const [first] = await retrievePassages(database.db, { avatarId, query: "药可以自己停吗？", embedder });
    expect(first?.content).toContain("不要自行停药");
  });
});

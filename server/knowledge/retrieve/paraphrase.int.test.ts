import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createAvatar } from "@/server/avatars/avatar.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { pasteDocument } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { retrievePassages } from "./retrieve";

const embedder = createOfflineEmbedder();
const limits = { maxBytes: 1 << 20 };

let database: Database;
let avatarId: string;

const PLAQUE = "Atherosclerosis narrows the arteries slowly over decades, starting in early adulthood.";
const 便秘 = "便秘的老人每天要多喝水，多吃蔬菜和粗粮。";

beforeAll(async () => {
  database = await createTestDatabase();
  const doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  avatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Paraphrase"))).id;
  const paste = (title: string, text: string) => pasteDocument(database.db, doctor, { avatarId, title, text }, limits);
  await paste("Atherosclerosis", `# Atherosclerosis\n\n${PLAQUE}`);
  await paste("Asthma", "# Asthma\n\nAsthma makes the airways narrow and swollen over the years.");
  await paste("便秘", `# 便秘\n\n${便秘}`);
  await paste("失眠", "# 失眠\n\n失眠的老人晚上少喝浓茶，白天多活动。");
  await drainIngestionQueue(database.db, embedder);
});

afterAll(async () => {
  await database?.close();
});

const top = async (query: string) => (await retrievePassages(database.db, { avatarId, query, embedder, limit: 5 }))[0]?.content ?? "";

describe("paraphrased questions", () => {
  it("finds the passage of a concept a patient names in other words and another word order", async () => {
    // The lexicon's "clogged arteries", said as "arteries ... clogged": the passage says atherosclerosis.
    expect(await top("Why do my arteries get clogged?")).toContain(PLAQUE);
  });

  it("finds the passage of a concept a patient describes in Chinese", async () => {
    expect(await top("我家老人好几天拉不出来，平时该多吃点什么")).toContain(便秘);
  });
});

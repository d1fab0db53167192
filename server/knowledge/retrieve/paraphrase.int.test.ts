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

const RISK = "Older age, smoking, high blood pressure and high cholesterol raise the chance of atherosclerosis.";
const 预防 = "少吃辛辣油腻，按时吃饭，戒烟戒酒，可以减少胃黏膜的损伤。";

beforeAll(async () => {
  database = await createTestDatabase();
  const doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  avatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Sections"))).id;
  const paste = (title: string, text: string) => pasteDocument(database.db, doctor, { avatarId, title, text }, limits);
  // Sections of one condition: the question's words name the condition, its form names the section.
  await paste(
    "Atherosclerosis",
    [
      "# Atherosclerosis",
      "## Overview\n\nAtherosclerosis is a disease in which plaque builds up inside your arteries and hardens them.",
      "## Treatment\n\nMedicines and procedures treat atherosclerosis once plaque has narrowed the arteries.",
      `## Risk factors\n\n${RISK}`,
      "## Prevention\n\nEating less saturated fat and staying active slow the buildup of plaque.",
    ].join("\n\n"),
  );
  await paste(
    "胃炎",
    ["# 胃炎", "## 概述\n\n胃炎是胃黏膜的炎症，常见上腹痛、腹胀。", "## 治疗\n\n胃炎可以用抑酸药和胃黏膜保护剂治疗。", `## 预防\n\n${预防}`].join("\n\n"),
  );
  await drainIngestionQueue(database.db, embedder);
});

afterAll(async () => {
  await database?.close();
});

const top = async (query: string) => (await retrievePassages(database.db, { avatarId, query, embedder, limit: 5 }))[0]?.content ?? "";

describe("paraphrased questions", () => {
  it("finds the section a question's form asks for, though no word of the question is in its heading", async () => {
    // "arteries ... clogged" is the lexicon's "clogged arteries"; "who tends to" asks for risk factors.
    expect(await top("Who tends to get their arteries clogged?")).toContain(RISK);
  });

  it("finds the 预防 section for a question that asks how not to get it again", async () => {
    expect(await top("胃炎好了以后怎样才能不再复发")).toContain(预防);
  });
});

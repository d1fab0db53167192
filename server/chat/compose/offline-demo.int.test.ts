import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { avatars } from "@/db/schema";
import { DEMO_AVATAR_SLUG, seedDemo } from "@/server/demo/seed";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { retrievePassages } from "@/server/knowledge/retrieve/retrieve";
import { createTestDatabase } from "@/server/test/db";
import { selectAnswerSentences } from "./offline";

let database: Database;
let avatarId: string;
const embedder = createOfflineEmbedder();

async function answer(question: string): Promise<string[]> {
  const passages = await retrievePassages(database.db, { avatarId, query: question, embedder });
  return selectAnswerSentences({ question, passages }).map((s) => s.text);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, embedder);
  avatarId = (await database.db.select().from(avatars).where(eq(avatars.slug, DEMO_AVATAR_SLUG)))[0]!.id;
}, 180_000);

afterAll(async () => {
  await database?.close();
});

describe("the offline composer on the demo avatar's materials", () => {
  it("answers what counts as high blood pressure with the threshold, not a neighbouring lifestyle tip", async () => {
    const sentences = await answer("What blood pressure counts as high?");
    expect(sentences.join(" ")).toContain("130/80 mmHg");
    expect(sentences.join(" ")).not.toContain("Keep a healthy weight");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createDemoDatabase, DEMO_SEED_MS } from "@/server/test/demo";
import { selectAnswerSentences } from "./offline";

let demo: Awaited<ReturnType<typeof createDemoDatabase>>;

async function answer(question: string): Promise<string[]> {
  const passages = await demo.retrieve(question);
  return selectAnswerSentences({ question, passages }).map((s) => s.text);
}

beforeAll(async () => {
  demo = await createDemoDatabase(createOfflineEmbedder());
}, DEMO_SEED_MS);

afterAll(async () => {
  await demo?.database.close();
});

describe("the offline composer on the demo avatar's materials", () => {
  it("answers what counts as high blood pressure with the threshold, not a neighbouring lifestyle tip", async () => {
    const sentences = await answer("What blood pressure counts as high?");
    expect(sentences.join(" ")).toContain("130/80 mmHg");
    expect(sentences.join(" ")).not.toContain("Keep a healthy weight");
  });
});

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

  it("answers the same question in Chinese with the threshold, not the weight tip", async () => {
    const sentences = await answer("血压多少算高血压？");
    expect(sentences.join("")).toContain("≥140 mmHg");
    expect(sentences.join("")).not.toContain("体重每减少1公斤");
  });

  it("answers how much salt with the daily limit, in both languages (as e2e/patient.spec.ts expects)", async () => {
    expect((await answer("How much salt should I eat per day?")).join(" ")).toContain("under 5 grams a day");
    expect((await answer("每天吃多少盐合适？")).join("")).toContain("每天不超过5克");
    expect((await answer("吃盐要注意什么？")).join("")).toContain("每天不超过5克");
  });

  it("answers when to see a doctor with when to get help, in both languages", async () => {
    expect((await answer("When should I see a doctor about my home blood pressure readings?")).join(" ")).toContain("160/100 mmHg");
    expect((await answer("家里测的血压高到什么时候需要去医院？")).join("")).toContain("160/100 mmHg");
  });
});


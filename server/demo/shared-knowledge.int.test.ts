import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documents } from "@/db/schema";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createDemoDatabase, DEMO_SEED_MS } from "@/server/test/demo";
import { seedDemo } from "./seed";

let demo: Awaited<ReturnType<typeof createDemoDatabase>>;
const embedder = createOfflineEmbedder();
const ask = (query: string) => demo.retrieve(query);

beforeAll(async () => {
  demo = await createDemoDatabase(embedder);
}, DEMO_SEED_MS);

afterAll(async () => {
  await demo?.database.close();
});

describe("the demo hospital's shared knowledge", () => {
  it("answers appointment questions from the hospital's schedule, in both languages", async () => {
    for (const [query, expected] of [
      ["How do I book an appointment?", "https://book.fenshen.demo/cardiology"],
      ["When is the cardiology clinic open?", "Monday to Friday"],
      ["怎么预约挂号？", "010-5555-0100"],
      ["心内科门诊什么时间开？", "周一至周五"],
    ]) {
      const [first] = await ask(query!);
      expect(first?.content, query).toContain(expected);
      expect(first?.corpusId, query).not.toBeNull();
    }
  });

  it("still answers the doctor's own topics from the doctor's documents", async () => {
    expect((await ask("每天吃多少盐合适？"))[0]?.content).toContain("每天不超过5克");
    expect((await ask("How much salt should I eat per day?"))[0]?.corpusId).toBeNull();
  });

  it("seeds the schedule once, however often the seed runs", async () => {
    await seedDemo(demo.database.db, embedder);
    const shared = await demo.database.db.select().from(documents).where(eq(documents.filename, "clinic-schedule.md"));
    expect(shared).toHaveLength(1);
    expect(shared[0]!.corpusId).not.toBeNull();
  });
});

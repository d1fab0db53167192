import { describe, expect, it } from "vitest";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { judgeCurated, questionAgreement } from "./curated";

const embedder = createOfflineEmbedder();
const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

async function judge(curatedQuestion: string, patientQuestion: string) {
  const [a, b] = await embedder.embed([curatedQuestion, patientQuestion]);
  return judgeCurated(cosine(a!, b!), questionAgreement(patientQuestion, curatedQuestion)).matched;
}

/** [curated question, patient's question]: the same question, asked another way. */
const SAME: [string, string][] = [
  ["Can I drink alcohol with gout?", "Can I drink alcohol if I have gout?"],
  ["Can I drink alcohol with gout?", "Is alcohol OK for gout?"],
  ["How much salt should I eat per day?", "how much salt per day"],
  ["How much salt should I eat per day?", "How much salt can I eat a day?"],
  ["What are the side effects of metformin?", "metformin side effects"],
  ["What is a heart attack?", "what is myocardial infarction"],
  ["痛风能喝酒吗？", "痛风可以喝酒吗"],
  ["痛风能喝酒吗？", "我有痛风，能不能喝酒？"],
  ["痛风能喝酒吗？", "痛风患者能饮酒吗"],
  ["每天吃多少盐合适？", "每天应该吃多少盐"],
  ["每天吃多少盐合适？", "一天吃多少盐"],
  ["高血压患者能运动吗？", "高血压可以运动吗"],
  ["心梗后多久可以运动？", "心肌梗死以后多长时间能运动"],
];

/** A different question, however close in words: the curated answer must not be given verbatim. */
const DIFFERENT: [string, string][] = [
  ["Can I drink alcohol with gout?", "Can I drink alcohol while pregnant?"],
  ["Can I drink alcohol with gout?", "Can I drink alcohol with gout while taking allopurinol and warfarin?"],
  ["Can I drink alcohol with gout?", "What should I eat with gout?"],
  ["Can I drink alcohol with gout?", "gout"],
  ["Can I take ibuprofen with warfarin?", "Can I take ibuprofen?"],
  ["How much salt should I eat per day?", "How much sugar should I eat per day?"],
  ["How much salt should I eat per day?", "How much salt is in bread?"],
  ["What are the side effects of metformin?", "What are the side effects of insulin?"],
  ["What is a heart attack?", "what causes a heart attack"],
  ["痛风能喝酒吗？", "怀孕能喝酒吗"],
  ["痛风能喝酒吗？", "痛风能吃海鲜吗"],
  ["痛风能喝酒吗？", "痛风"],
  ["每天吃多少盐合适？", "每天吃多少糖合适？"],
  ["高血压患者能运动吗？", "低血压可以运动吗"],
  ["高血压患者能运动吗？", "糖尿病患者能运动吗？"],
];

describe("when a curated answer matches a patient's question closely enough to be given verbatim", () => {
  it.each(SAME)("“%s” answers “%s”", async (curated, patient) => {
    expect(await judge(curated, patient)).toBe(true);
  });

  it.each(DIFFERENT)("“%s” does not answer “%s”", async (curated, patient) => {
    expect(await judge(curated, patient)).toBe(false);
  });

  it("lets near-identical embeddings match across one differing word, never on embeddings alone", () => {
    const oneWordApart = { shared: 4, queryExtra: ["x"], questionExtra: [], queryCoverage: 0.8, questionCoverage: 1 };
    expect(judgeCurated(0.95, oneWordApart).matched).toBe(true);
    expect(judgeCurated(0.8, oneWordApart).matched).toBe(false);
    expect(judgeCurated(0.99, { shared: 0, queryExtra: ["a"], questionExtra: ["b"], queryCoverage: 0, questionCoverage: 0 }).matched).toBe(false);
  });
});

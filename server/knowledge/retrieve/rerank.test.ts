import { describe, expect, it } from "vitest";
import { conceptToken } from "@/server/knowledge/text/concepts";
import { CONCEPT_COVER_CREDIT, conceptCover, rerank, rerankFeatures } from "./rerank";

const passage = (id: string, score: number, content: string, headingPath: string[] = [], documentTitle = "Handbook") => ({ id, score, content, headingPath, documentTitle });
const weights = new Map([
  ["asthma", 2],
  ["treatment", 1],
]);

describe("rerankFeatures", () => {
  it("measures the weighted share of the question's terms in the passage and in its headings", () => {
    const f = rerankFeatures(passage("a", 0.5, "Inhalers are the main asthma treatment."), weights, 1);
    expect(f).toEqual({ fused: 0.5, coverage: 1, heading: 0 });
    const headed = rerankFeatures(passage("b", 1, "Inhalers help most people.", ["Asthma", "Treatment"]), weights, 1);
    expect(headed.heading).toBe(1);
    expect(headed.coverage).toBe(1);
    expect(rerankFeatures(passage("c", 1, "Asthma is common."), weights, 1).coverage).toBeCloseTo(2 / 3);
  });

  it("has no features for a query without weighted terms", () => {
    expect(rerankFeatures(passage("a", 1, "Asthma"), new Map(), 0)).toEqual({ fused: 0, coverage: 0, heading: 0 });
  });
});

describe("rerank", () => {
  it("lifts a passage that covers the question over one the fusion ranked a little higher", () => {
    const ranked = rerank([passage("partial", 1, "Asthma is common in children."), passage("full", 0.9, "The usual asthma treatment is an inhaler.")], weights);
    expect(ranked.map((p) => p.id)).toEqual(["full", "partial"]);
  });

  it("keeps the fused order between equals and leaves candidates past its depth in order after the rest", () => {
    const same = Array.from({ length: 60 }, (_, i) => passage(`p${i}`, 1 - i / 1000, "nothing relevant"));
    expect(rerank(same, weights).map((p) => p.id)).toEqual(same.map((p) => p.id));
  });
});

describe("rerankFeatures with stored lexemes", () => {
  it("reads the passage's stored keyword lexemes instead of its text when it has them", () => {
    expect(rerankFeatures({ ...passage("a", 1, "Nothing about the question."), lexemes: ["asthma", "treatment"] }, weights, 1).coverage).toBe(1);
  });
});

describe("a question's words covered by their concept", () => {
  it("counts the patient's words for a concept in part when the passage names the concept in its own words, in English", () => {
    const atherosclerosis = conceptToken("atherosclerosis");
    const question = new Map([["clog", 1], ["arteri", 1], [atherosclerosis, 0.5], ["diet", 1]]);
    expect(conceptCover(question).get(atherosclerosis)).toEqual(["clog", "arteri"]);
    const f = rerankFeatures({ ...passage("a", 1, ""), lexemes: ["atherosclerosi", atherosclerosis] }, question, 1);
    expect(f.coverage).toBeCloseTo((0.5 + CONCEPT_COVER_CREDIT * 2) / 3.5);
    // Without the concept the words are not covered.
    expect(rerankFeatures({ ...passage("b", 1, ""), lexemes: ["plaqu"] }, question, 1).coverage).toBe(0);
  });

  it("and in Chinese: 便秘 covers the patient's 拉不出", () => {
    const constipation = conceptToken("constipation");
    const question = new Map([["拉不出", 2], [constipation, 1], ["孩子", 1]]);
    const f = rerankFeatures(passage("a", 1, "便秘的孩子要多吃蔬菜。"), question, 1);
    expect(f.coverage).toBeCloseTo((1 + 1 + CONCEPT_COVER_CREDIT * 2) / 4);
  });
});

import { describe, expect, it } from "vitest";
import { questionIntents } from "@/server/chat/compose/intent";
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
    expect(f).toEqual({ fused: 0.5, coverage: 1, heading: 0, section: 0 });
    const headed = rerankFeatures(passage("b", 1, "Inhalers help most people.", ["Asthma", "Treatment"]), weights, 1);
    expect(headed.heading).toBe(1);
    expect(headed.coverage).toBe(1);
    expect(rerankFeatures(passage("c", 1, "Asthma is common."), weights, 1).coverage).toBeCloseTo(2 / 3);
  });

  it("has no features for a query without weighted terms", () => {
    expect(rerankFeatures(passage("a", 1, "Asthma"), new Map(), 0)).toEqual({ fused: 0, coverage: 0, heading: 0, section: 0 });
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

describe("the section a question asks for", () => {
  const sections = (title: string, headings: string[]) => headings.map((h, i) => passage(h, 1 - i / 100, `About ${title}.`, [title, h], title));
  // The question names the condition only: every section has it.
  const angina = new Map([["angina", 1]]);

  it("lifts the passage under the heading that announces the kind of answer asked for, in English", () => {
    const candidates = sections("Angina", ["Overview", "Treatment", "Prevention"]);
    expect(rerankFeatures(candidates[2]!, angina, 1, questionIntents("How can I avoid getting angina?")).section).toBe(1);
    expect(rerankFeatures(candidates[0]!, angina, 1, questionIntents("How can I avoid getting angina?")).section).toBe(0);
    expect(rerank(candidates, angina, questionIntents("Who tends to get angina?"))[0]!.id).toBe("Overview");
    expect(rerank(candidates, angina, questionIntents("How can I avoid getting angina?"))[0]!.id).toBe("Prevention");
  });

  it("and in Chinese", () => {
    const candidates = sections("胃炎", ["概述", "病因", "治疗"]);
    const gastritis = new Map([["胃炎", 1]]);
    expect(rerank(candidates, gastritis, questionIntents("胃炎是怎么引起的"))[0]!.id).toBe("病因");
    expect(rerank(candidates, gastritis, questionIntents("胃炎吃什么药"))[0]!.id).toBe("治疗");
  });

  it("changes nothing for a question of no particular kind or a passage without sections", () => {
    const plain = [passage("a", 1, "One."), passage("b", 0.99, "Two.")];
    expect(rerank(plain, weights, questionIntents("How can I avoid getting angina?")).map((p) => p.id)).toEqual(["a", "b"]);
    expect(rerankFeatures(passage("c", 1, "Three.", ["Prevention"]), weights, 1, []).section).toBe(0);
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

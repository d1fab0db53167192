import { describe, expect, it } from "vitest";
import { conceptFinder, conceptToken, conceptWords, findGeneralConcepts, findMedicalConcepts } from "./concepts";
import { GENERAL_GROUPS, MEDICAL_GROUPS } from "./synonyms";
import { segmentText } from "./tokenize";

const medical = (text: string): string[] => findMedicalConcepts(segmentText(text));

describe("findMedicalConcepts", () => {
  it("maps lay and clinical wording, in both languages, to one concept", () => {
    expect(medical("My dad had a heart attack last year")).toEqual(["myocardial infarction"]);
    expect(medical("History of myocardial infarctions")).toEqual(["myocardial infarction"]);
    expect(medical("他去年心梗住院")).toEqual(["myocardial infarction"]);
    // Two mentions: the lay "blood pressure is high" and "high blood pressure" (lexicon, hypertension).
    expect(medical("Her blood pressure is high; high blood pressure runs in the family")).toEqual(["hypertension", "hypertension"]);
    expect(medical("胃疼好几天了")).toEqual(medical("最近胃痛"));
  });

  it("ignores stopwords inside English phrases and prefers the longest phrase", () => {
    expect(medical("I get short of breath on stairs")).toEqual(["dyspnea"]);
    expect(medical("deep vein thrombosis")).toEqual(["deep vein thrombosis"]);
  });

  it("counts repeated mentions and finds nothing in unrelated text", () => {
    expect(medical("asthma, then asthma again")).toEqual(["asthma", "asthma"]);
    expect(medical("The weather was lovely at the beach")).toEqual([]);
  });
});

describe("looser English wording", () => {
  it("matches a phrase's words in another order, with at most one other word among them", () => {
    expect(medical("How do I stop my arteries from getting clogged up?")).toEqual(["atherosclerosis"]);
    expect(medical("What makes blood vessels get swollen and inflamed?")).toEqual(["vasculitis"]);
    expect(medical("a pain in the chest")).toEqual(medical("chest pain"));
  });

  it("does not match words far apart, and keeps Chinese phrases verbatim", () => {
    expect(medical("The drain was clogged, so I cleaned it before the scan of my arteries")).toEqual([]);
    // 嘴巴臭 is not 嘴臭: characters between a phrase's own cost the Chinese dev set's originals.
    expect(medical("嘴巴臭")).toEqual([]);
    expect(medical("嘴臭")).toEqual(["halitosis"]);
  });
});

describe("conceptWords", () => {
  it("gives the tokens of a concept's surface forms in both languages, and nothing for a plain word", () => {
    const words = conceptWords(conceptToken("constipation"));
    expect(words.has("拉不出")).toBe(true);
    expect(words.has("便秘")).toBe(true);
    expect(words.has("constip")).toBe(true);
    expect(conceptWords("constip").size).toBe(0);
  });
});

describe("findGeneralConcepts", () => {
  it("recognises what a question asks about", () => {
    expect(findGeneralConcepts(segmentText("How is it diagnosed?"))).toEqual(["diagnosis"]);
    expect(findGeneralConcepts(segmentText("怎么预防"))).toEqual(["prevention"]);
  });
});

describe("synonym data", () => {
  it("has unique concept ids and no empty groups", () => {
    const ids = [...MEDICAL_GROUPS, ...GENERAL_GROUPS].map((group) => group[0]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const group of [...MEDICAL_GROUPS, ...GENERAL_GROUPS]) expect(group.length).toBeGreaterThan(1);
  });
});

describe("Chinese phrases", () => {
  const find = conceptFinder([
    { id: "diarrhea", phrases: ["腹泻", "拉肚子"] },
    { id: "abdominal pain", phrases: ["肚子疼", "腹痛"] },
    { id: "repeat", phrases: ["哈哈"] },
  ]);

  it("finds every phrase wherever it starts, each occurrence once, in phrase order", () => {
    // 拉肚子 and 肚子疼 overlap: both count. The order is the phrases' own, then the text's.
    expect(find(segmentText("腹痛又拉肚子疼，还腹泻，腹泻三天"))).toEqual(["diarrhea", "diarrhea", "diarrhea", "abdominal pain", "abdominal pain"]);
  });

  it("counts a phrase's occurrences without overlapping itself", () => {
    expect(find(segmentText("哈哈哈哈哈"))).toEqual(["repeat", "repeat"]);
    expect(find(segmentText("no Chinese here"))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { type Candidate, coverageWeights, EVIDENCE_FLOOR, evidenceFloor, FLOOR_TERMS, fuse, idf, keywordCoverage, PASSAGE_EVIDENCE_FLOOR } from "./fusion";

const terms = [
  { term: "gout", weight: 1 },
  { term: "diet", weight: 1 },
  { term: "zcgout", weight: 0.5 },
];

describe("coverageWeights", () => {
  it("weighs rare terms above common ones and applies each term's own weight", () => {
    const weights = coverageWeights(terms, new Map([["gout", 2], ["diet", 50], ["zcgout", 2]]), 100);
    expect(weights.get("gout")).toBeCloseTo(idf(2, 100));
    expect(weights.get("gout")!).toBeGreaterThan(weights.get("diet")!);
    expect(weights.get("zcgout")).toBeCloseTo(0.5 * idf(2, 100));
  });

  it("counts a Chinese bigram absent from the materials much less than an absent English word", () => {
    const weights = coverageWeights([{ term: "疡吃", weight: 1 }, { term: "sourdough", weight: 1 }], new Map(), 100);
    expect(weights.get("疡吃")!).toBeLessThan(0.5 * weights.get("sourdough")!);
  });
});

describe("keywordCoverage", () => {
  it("is the matched share of the weight, counting a term once", () => {
    const weights = new Map([["a", 3], ["b", 1]]);
    expect(keywordCoverage(["a", "a"], weights)).toBe(0.75);
    expect(keywordCoverage([], weights)).toBe(0);
    expect(keywordCoverage(["a"], new Map())).toBe(0);
  });
});

describe("fuse", () => {
  const weights = new Map([["gout", 1], ["diet", 1]]);
  const candidate = (id: string, extra: Partial<Candidate>): Candidate => ({ id, similarity: 0.3, terms: ["gout"], ...extra });

  it("ranks agreement first and trusts the keyword ranking over the vector ranking", () => {
    const ranked = fuse(
      [
        candidate("vector-only", { vectorRank: 0 }),
        candidate("keyword-only", { keywordRank: 0 }),
        candidate("both", { vectorRank: 2, keywordRank: 2 }),
      ],
      weights,
    );
    expect(ranked.map((r) => r.id)).toEqual(["both", "keyword-only", "vector-only"]);
    expect(ranked[1]!.coverage).toBe(0.5);
  });

  it("finds nothing when no passage reaches the evidence floor", () => {
    const weak = candidate("weak", { vectorRank: 0, keywordRank: 0, similarity: EVIDENCE_FLOOR / 2, terms: [] });
    expect(fuse([weak], weights)).toEqual([]);
  });

  it("then leaves out passages with neither similarity nor shared words", () => {
    const strong = candidate("strong", { keywordRank: 0, terms: ["gout", "diet"] });
    const junk = candidate("junk", { vectorRank: 0, similarity: PASSAGE_EVIDENCE_FLOOR / 2, terms: [] });
    expect(fuse([strong, junk], weights).map((r) => r.id)).toEqual(["strong"]);
  });

  it("orders ties by id, whatever order the candidates came in", () => {
    const a = candidate("a", { keywordRank: 1, vectorRank: 1 });
    const b = candidate("b", { keywordRank: 1, vectorRank: 1 });
    expect(fuse([b, a], weights).map((r) => r.id)).toEqual(["a", "b"]);
  });
});

describe("the evidence floor for a long question", () => {
  const weightsOf = (terms: string[]) => new Map(terms.map((t) => [t, 1]));
  const story = "孩子 两天 肚子 一阵 钻着 打滚 以前 虫子 村里 医生 钻进 胆里 医院 检查 确定 zcintestinalworms".split(" ");

  it("is EVIDENCE_FLOOR up to FLOOR_TERMS terms and falls with the square root of the number beyond", () => {
    expect(evidenceFloor(1)).toBe(EVIDENCE_FLOOR);
    expect(evidenceFloor(FLOOR_TERMS)).toBe(EVIDENCE_FLOOR);
    expect(evidenceFloor(4 * FLOOR_TERMS)).toBeCloseTo(EVIDENCE_FLOOR / 2);
  });

  it("answers a patient's long Chinese story that a passage covers only in part", () => {
    // Three of sixteen terms and a little similarity: 0.1 + 3/16 = 0.29, under 0.35 but over the story's floor.
    const passage: Candidate = { id: "worms", similarity: 0.1, keywordRank: 0, terms: ["虫子", "胆里", "检查"] };
    expect(fuse([passage], weightsOf(story)).map((r) => r.id)).toEqual(["worms"]);
  });

  it("still finds nothing for a short English question with the same evidence", () => {
    const passage: Candidate = { id: "tire", similarity: 0.29, keywordRank: 0, terms: [] };
    expect(fuse([passage], weightsOf(["fix", "flat", "bicycl", "tire"]))).toEqual([]);
  });
});

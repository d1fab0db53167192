import { describe, expect, it } from "vitest";
import { type Candidate, coverageWeights, EVIDENCE_FLOOR, fuse, idf, keywordCoverage, PASSAGE_EVIDENCE_FLOOR } from "./fusion";

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

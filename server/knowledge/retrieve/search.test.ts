import { describe, expect, it } from "vitest";
import { candidateTiers, chooseVectorStrategy, HNSW_MIN_PASSAGES, HNSW_MIN_SHARE } from "./search";

describe("chooseVectorStrategy", () => {
  it("ranks a small avatar exactly and a large one through the HNSW index", () => {
    expect(chooseVectorStrategy({ passages: 500, tableRows: 500 })).toBe("exact");
    expect(chooseVectorStrategy({ passages: HNSW_MIN_PASSAGES - 1, tableRows: 200_000 })).toBe("exact");
    expect(chooseVectorStrategy({ passages: 10_000, tableRows: 120_000 })).toBe("hnsw");
    expect(chooseVectorStrategy({ passages: 100_000, tableRows: 120_000 })).toBe("hnsw");
  });

  it("stays exact for an avatar that is a sliver of a huge table, where the index would wander", () => {
    const tableRows = 10_000_000;
    expect(chooseVectorStrategy({ passages: Math.floor(HNSW_MIN_SHARE * tableRows) - 1, tableRows })).toBe("exact");
    expect(chooseVectorStrategy({ passages: HNSW_MIN_SHARE * tableRows, tableRows })).toBe("hnsw");
  });
});

describe("candidateTiers", () => {
  const terms = [
    { term: "pain", df: 900 },
    { term: "gout", df: 40 },
    { term: "diet", df: 300 },
    { term: "zcgout", df: 45 },
  ];

  it("fetches candidates by every term while the avatar is small", () => {
    expect(candidateTiers(terms, 5000)).toEqual(["gout | zcgout | diet | pain"]);
  });

  it("keeps to the rarest terms within the budget", () => {
    expect(candidateTiers(terms, 400)).toEqual(["gout | zcgout | diet"]);
    expect(candidateTiers(terms, 100)).toEqual(["gout | zcgout"]);
    expect(candidateTiers(terms, 40)).toEqual(["gout"]);
  });

  it("prefers passages with every term when even the rarest is too common to score in full", () => {
    expect(candidateTiers(terms, 10)).toEqual(["gout & zcgout & diet & pain", "gout"]);
  });

  it("always has a term to search by", () => {
    expect(candidateTiers([{ term: "pain", df: 90_000 }], 100)).toEqual(["pain"]);
    expect(candidateTiers([], 100)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { CONCEPT_TERM_WEIGHT, conceptTokens, queryTerms } from "./keyword-index";

const TSQUERY_SAFE = /^[a-z0-9]+$/;

describe("conceptTokens", () => {
  it("gives lay, clinical and Chinese names of a concept one tsquery-safe token", () => {
    const [lay] = conceptTokens("my dad had a heart attack");
    expect(lay).toMatch(TSQUERY_SAFE);
    expect(conceptTokens("history of myocardial infarction")).toEqual([lay]);
    expect(conceptTokens("他去年心梗住院")).toEqual([lay]);
  });

  it("never looks like a word of the text", () => {
    expect(conceptTokens("asthma")).not.toContain("asthma");
  });
});

describe("queryTerms", () => {
  it("keeps the query's words at full weight and adds its concepts at a lower one, each once", () => {
    const terms = queryTerms("heart attack, heart attack");
    expect(terms.filter((t) => t.weight === 1).map((t) => t.term)).toEqual(["heart", "attack"]);
    expect(terms.filter((t) => t.weight === CONCEPT_TERM_WEIGHT)).toHaveLength(1);
  });

  it("has nothing for a query without words", () => {
    expect(queryTerms("?!")).toEqual([]);
  });
});

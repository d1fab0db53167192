import { describe, expect, it } from "vitest";
import { CONCEPT_TERM_WEIGHT, conceptTokens, queryTerms, termFrequencyReader } from "./keyword-index";

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

describe("termFrequencyReader", () => {
  // tsvector output: lexemes in the index's order, D weights unwritten, quotes and backslashes doubled.
  const stored = "'gout':2,7,9A 'it''s':4 'pain':5 'it':3B 'a\\\\b':6 'painful':8 'zcgout':1B 'bare'";

  it("counts body occurrences and notes heading and concept labels, in the index's lexeme order", () => {
    expect(termFrequencyReader(["zcgout", "pain", "gout"])(stored)).toEqual([
      { term: "gout", frequency: { body: 2, heading: true, concept: false } },
      { term: "pain", frequency: { body: 1, heading: false, concept: false } },
      { term: "zcgout", frequency: { body: 0, heading: false, concept: true } },
    ]);
  });

  it("finds a lexeme only as a whole entry, with quotes and backslashes as the output escapes them", () => {
    expect(termFrequencyReader(["it"])(stored)).toEqual([{ term: "it", frequency: { body: 0, heading: false, concept: true } }]);
    expect(termFrequencyReader(["it's", "a\\b"])(stored).map((t) => [t.term, t.frequency.body])).toEqual([["it's", 1], ["a\\b", 1]]);
    expect(termFrequencyReader(["painful"])(stored).map((t) => t.frequency.body)).toEqual([1]);
    expect(termFrequencyReader(["s", "b", "ain", "missing"])(stored)).toEqual([]);
  });

  it("keeps a lexeme without positions, with no frequency", () => {
    expect(termFrequencyReader(["bare"])(stored)).toEqual([{ term: "bare", frequency: { body: 0, heading: false, concept: false } }]);
  });
});

import { describe, expect, it } from "vitest";
import { isHit, parsedToFileOffsets, percentile, scoreAnswer, scoreQuery, spansMatch, summarize, summarizeAnswers } from "./retrieval-metrics";

const span = (doc: string, start: number, end: number) => ({ doc, start, end });

describe("spansMatch", () => {
  it("needs an overlap of half the shorter span, in the same document", () => {
    const passage = span("a.md", 100, 200);
    expect(spansMatch(span("a.md", 120, 140), passage)).toBe(true); // inside a long passage
    expect(spansMatch(span("a.md", 0, 1000), passage)).toBe(true); // holds a short passage whole
    expect(spansMatch(span("a.md", 150, 250), passage)).toBe(true); // exactly half
    expect(spansMatch(span("a.md", 160, 260), passage)).toBe(false); // 40 of 100
    expect(spansMatch(span("a.md", 200, 300), passage)).toBe(false); // touching only
    expect(spansMatch(span("b.md", 120, 140), passage)).toBe(false);
  });
});

describe("scoreQuery", () => {
  const query = { relevantDocs: ["a.md"], relevantPassages: [span("a.md", 100, 200), span("a.md", 500, 600)] };
  const miss = span("b.md", 100, 200);
  const sameDocMiss = span("a.md", 300, 400);

  it("counts the first hit of any relevant passage", () => {
    expect(isHit(span("a.md", 510, 590), query)).toBe(true);
    expect(scoreQuery([miss, sameDocMiss, span("a.md", 510, 590)], query)).toEqual({
      recallAt1: 0,
      recallAt5: 1,
      recallAt10: 1,
      reciprocalRankAt10: 1 / 3,
      docHitAt5: 1,
    });
  });

  it("ignores hits after rank 10 and judges the document hit on the top 5", () => {
    const ranking = [...Array.from({ length: 10 }, () => miss), span("a.md", 100, 200)];
    expect(scoreQuery(ranking, query)).toEqual({ recallAt1: 0, recallAt5: 0, recallAt10: 0, reciprocalRankAt10: 0, docHitAt5: 0 });
    const lateDoc = [miss, miss, miss, miss, miss, sameDocMiss];
    expect(scoreQuery(lateDoc, query).docHitAt5).toBe(0);
  });

  it("scores an empty answer as a miss", () => {
    expect(scoreQuery([], query).recallAt10).toBe(0);
  });
});

describe("summarize", () => {
  it("averages over queries", () => {
    const hit = { recallAt1: 1, recallAt5: 1, recallAt10: 1, reciprocalRankAt10: 1, docHitAt5: 1 };
    const late = { recallAt1: 0, recallAt5: 0, recallAt10: 1, reciprocalRankAt10: 0.125, docHitAt5: 1 };
    expect(summarize([hit, late])).toEqual({ queries: 2, recallAt1: 0.5, recallAt5: 0.5, recallAt10: 1, reciprocalRankAt10: 0.5625, docHitAt5: 1 });
    expect(summarize([]).recallAt5).toBe(0);
  });
});

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("parsedToFileOffsets", () => {
  it("undoes the parser's BOM and CRLF normalisation", () => {
    const file = "\uFEFFab\r\ncd\ref";
    const parsed = "ab\ncd\nef";
    const toFile = parsedToFileOffsets(file);
    expect(file.slice(toFile(parsed.indexOf("cd")), toFile(parsed.indexOf("cd") + 2))).toBe("cd");
    expect(file.slice(toFile(parsed.indexOf("ef")), toFile(parsed.length))).toBe("ef");
    expect(toFile(0)).toBe(1);
  });

  it("is the identity for plain LF text", () => {
    const toFile = parsedToFileOffsets("abc\ndef");
    expect([0, 3, 4, 7].map(toFile)).toEqual([0, 3, 4, 7]);
  });
});

describe("answer scores", () => {
  const query = { relevantDocs: ["a.md"], relevantPassages: [span("a.md", 100, 200)] };

  it("counts a quoted sentence as relevant only when it lies in a relevant passage", () => {
    // The second sentence is from the same chunk's neighbouring text, outside the labelled passage.
    expect(scoreAnswer([span("a.md", 110, 150), span("a.md", 190, 260), span("b.md", 110, 150)], query)).toEqual({ quoted: 3, relevant: 1 });
  });

  it("pools precision over all quoted sentences and counts recall per question", () => {
    const scores = [
      { quoted: 2, relevant: 2 },
      { quoted: 2, relevant: 0 },
      { quoted: 0, relevant: 0 },
    ];
    expect(summarizeAnswers(scores)).toEqual({ precision: 0.5, recall: 1 / 3, sentencesPerAnswer: 2 });
    expect(summarizeAnswers([])).toEqual({ precision: 0, recall: 0, sentencesPerAnswer: 0 });
  });
});

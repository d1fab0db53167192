import { describe, expect, it } from "vitest";
import type { RetrievedPassage } from "@/server/knowledge/retrieve/retrieve";
import { citedSentences, pieces } from "./answer-parts";

const passage = (id: string): RetrievedPassage => ({ id, documentId: `doc-${id}`, corpusId: null, documentTitle: id, headingPath: [], content: id, page: null, similarity: 0.5, score: 0.5 });

describe("citedSentences", () => {
  it("numbers passages by first use, reuses a passage's number, and cites only the passages used", () => {
    const passages = [passage("a"), passage("b"), passage("c")];
    const cited = citedSentences(
      [
        { text: "少吃盐。", passageId: "c" },
        { text: "Salt hides in bread.", passageId: "a" },
        { text: "每天少于五克。", passageId: "c" },
      ],
      passages,
    );
    expect(cited.text).toBe("少吃盐。 [1] Salt hides in bread. [2] 每天少于五克。 [1]");
    expect(cited.used.map((p) => p.id)).toEqual(["c", "a"]);
  });
});

describe("pieces", () => {
  it("cuts text at word and CJK-run boundaries into pieces of about 64 characters that add up to the text", () => {
    const text = `${"Measure your blood pressure at the same time each morning. ".repeat(4)}每天早上同一时间测量血压，连续测量七天，取平均值。\n\nAsk your doctor.`;
    const cut = [...pieces(text)];
    expect(cut.join("")).toBe(text);
    expect(cut.length).toBeGreaterThan(3);
    // Every piece but the last reaches the size, and overshoots it by at most one word.
    for (const piece of cut.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(64);
    for (const piece of cut) expect(piece.length).toBeLessThan(64 + 16);
    // No word is cut: every piece but the last ends in a space or a CJK character.
    for (const piece of cut.slice(0, -1)) expect(piece).toMatch(/(\s|[\u3400-\u9fff，。])$/u);
  });

  it("gives a short text as one piece and nothing for an empty one", () => {
    expect([...pieces("Salt hides in bread.")]).toEqual(["Salt hides in bread."]);
    expect([...pieces("")]).toEqual([]);
  });
});

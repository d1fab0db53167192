import { describe, expect, it } from "vitest";
import type { RetrievedPassage } from "@/server/knowledge/retrieve/retrieve";
import { citedSentences } from "./answer-parts";

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

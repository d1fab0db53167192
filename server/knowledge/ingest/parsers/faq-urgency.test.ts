import { describe, expect, it } from "vitest";
import { faqEntriesFromRows } from "./faq";

describe("an FAQ sheet's optional urgency column", () => {
  it("reads the doctor's scale in English or Chinese", () => {
    const entries = faqEntriesFromRows([
      ["Question", "Answer", "Urgency"],
      ["Chest pain at rest?", "Call 120 now.", "emergency"],
      ["头晕怎么办？", "先坐下休息。", "自我护理"],
      ["Missed a dose?", "Take it when you remember.", ""],
    ]);
    expect(entries.map((e) => e.urgency)).toEqual(["emergency", "self_care", undefined]);
  });

  it("names the row of a value it does not know", () => {
    expect(() => faqEntriesFromRows([["问题", "答案", "紧急程度"], ["头痛？", "休息。", "soonish"]])).toThrow(/Row 2: the urgency “soonish”/);
  });

  it("leaves sheets without the column as they were", () => {
    expect(faqEntriesFromRows([["Q", "A"], ["x?", "y."]])).toEqual([{ question: "x?", answer: "y." }]);
  });
});

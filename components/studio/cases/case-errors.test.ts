import { describe, expect, it } from "vitest";
import { caseCardSchema } from "@/db/schema/case-card";
import { fieldKeyOf, placeCaseIssues } from "./case-errors";

describe("placing case card issues on the form", () => {
  it("puts each problem on its field with the UI's wording", () => {
    const result = caseCardSchema.safeParse({
      name: "",
      age: 130,
      sex: "female",
      language: "en",
      chiefComplaint: "x".repeat(301),
      openingLine: "Hi",
      facts: [{ topic: "onset", answer: "Yesterday", keywords: ["ok", ""] }],
      expected: { mustAsk: [{ question: "When?", keywords: [] }] },
    });
    const placed = placeCaseIssues(result.error!.issues);
    expect(Object.fromEntries(placed)).toEqual({
      name: { key: "cases.error.required" },
      age: { key: "cases.error.numberRange", vars: { min: 0, max: 120 } },
      chiefComplaint: { key: "cases.error.tooLong", vars: { max: 300 } },
      "facts.0.keywords": { key: "cases.error.required" },
      "expected.mustAsk.0.keywords": { key: "cases.error.fewItems", vars: { min: 1 } },
    });
  });

  it("names an unknown choice and a missing number", () => {
    const result = caseCardSchema.safeParse({ name: "A", age: Number.NaN, sex: "robot", language: "en", chiefComplaint: "c", openingLine: "o" });
    const placed = placeCaseIssues(result.error!.issues);
    expect(placed.get("sex")).toEqual({ key: "cases.error.choice" });
    expect(placed.get("age")).toEqual({ key: "cases.error.number" });
  });

  it("keys server paths the same way", () => {
    expect(fieldKeyOf(["results", 2, "keywords", 4])).toBe("results.2.keywords");
    expect(fieldKeyOf([])).toBe("(root)");
  });
});

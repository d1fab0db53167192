import { describe, expect, it } from "vitest";
import { summariseTurns, type TurnForSummary } from "./summary";

const turns: TurnForSummary[] = Array.from({ length: 40 }, (_, i) =>
  i % 2 === 0
    ? { role: "patient", content: `Question ${i} about   salt and\nblood pressure, asked at some length so the summary fills up` }
    : { role: "avatar", content: `From Dr. Lin's materials:\n\nAnswer ${i} says eat less salt. Then more detail follows.` },
);

describe("the rolling summary", () => {
  it("is the same folded in two turns at a time as made from all turns at once", () => {
    let folded = "";
    for (let i = 0; i < turns.length; i += 2) folded = summariseTurns(turns.slice(i, i + 2), folded);
    expect(folded).toBe(summariseTurns(turns));
    expect(folded.length).toBeLessThanOrEqual(1500);
    expect(folded.split("\n").at(-1)).toBe("Avatar: Answer 39 says eat less salt.");
  });
});

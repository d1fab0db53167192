import { describe, expect, it } from "vitest";
import { caseCardSchema } from "@/db/schema/case-card";
import { STARTER_CASES } from "@/server/simulation/library";
import { cardInputOf, draftOf, emptyDraft, splitKeywords } from "./case-draft";

describe("the case form's draft", () => {
  it("turns every starter card into a draft and back without change", () => {
    for (const { card } of STARTER_CASES) expect(caseCardSchema.parse(cardInputOf(draftOf(card)))).toEqual(card);
  });

  it("splits keywords on English and Chinese separators", () => {
    expect(splitKeywords("chest, 胸口，压、pain;疼\n tight ")).toEqual(["chest", "胸口", "压", "pain", "疼", "tight"]);
  });

  it("reports an empty age instead of saving zero", () => {
    const result = caseCardSchema.safeParse(cardInputOf(emptyDraft()));
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["age", "name", "facts.0.answer"]));
  });
});

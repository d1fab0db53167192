import { describe, expect, it } from "vitest";
import { porterStem } from "./stem";

describe("porterStem", () => {
  it("matches the reference Porter stems", () => {
    const cases: Record<string, string> = {
      caresses: "caress",
      ponies: "poni",
      agreed: "agre",
      hopping: "hop",
      filing: "file",
      happy: "happi",
      relational: "relat",
      conditional: "condit",
      digitizer: "digit",
      hopefulness: "hope",
      electrical: "electr",
      adjustment: "adjust",
      adoption: "adopt",
      controll: "control",
      generalizations: "gener",
    };
    for (const [word, stem] of Object.entries(cases)) expect(porterStem(word), word).toBe(stem);
  });

  it("conflates the inflections of one word", () => {
    expect(new Set(["treat", "treated", "treating", "treats"].map(porterStem))).toEqual(new Set(["treat"]));
    expect(porterStem("infections")).toBe(porterStem("infection"));
  });

  it("leaves words of two letters alone", () => {
    expect(porterStem("is")).toBe("is");
  });
});

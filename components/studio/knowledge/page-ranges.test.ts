import { describe, expect, it } from "vitest";
import { pageRanges } from "./page-ranges";

describe("pageRanges", () => {
  it("writes runs of pages as ranges, in order, with each language's separator", () => {
    expect(pageRanges([8, 3, 4, 5], "en")).toBe("3–5, 8");
    expect(pageRanges([8, 3, 4, 5], "zh-CN")).toBe("3–5、8");
    expect(pageRanges([2], "en")).toBe("2");
    expect(pageRanges([1, 2, 4, 5, 7], "en")).toBe("1–2, 4–5, 7");
  });
});

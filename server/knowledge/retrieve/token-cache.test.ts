import { describe, expect, it } from "vitest";
import { contentTokenCache, contentTokens } from "./token-cache";

describe("contentTokenCache", () => {
  it("gives a text's keyword and concept tokens, the same set on a second read", () => {
    const tokens = contentTokenCache(10);
    const first = tokens("Diuretics help the body pass extra water.");
    expect([...first].sort()).toEqual([...new Set(contentTokens("Diuretics help the body pass extra water."))].sort());
    expect(first.size).toBeGreaterThan(0);
    expect(tokens("Diuretics help the body pass extra water.")).toBe(first);
  });

  it("keeps at most its size, dropping the oldest text first", () => {
    const tokens = contentTokenCache(2);
    const a = tokens("腹泻要多喝水");
    tokens("胸痛要及时就医");
    expect(tokens("腹泻要多喝水")).toBe(a);
    tokens("便秘多吃蔬菜");
    // The third text pushed out the first one read: it is tokenized again, into an equal new set.
    const again = tokens("腹泻要多喝水");
    expect(again).not.toBe(a);
    expect([...again]).toEqual([...a]);
  });
});

import { describe, expect, it } from "vitest";
import { containsPhrase, firstPhraseIn, keyTerms } from "./phrases";

describe("containsPhrase", () => {
  it("matches English by stems in any order, and Chinese by substring ignoring spaces", () => {
    expect(containsPhrase("There's a pain in my chest since this morning", "chest pain")).toBe(true);
    expect(containsPhrase("I keep getting headaches", "headache")).toBe(true);
    expect(containsPhrase("我 头痛 三天了", "头痛")).toBe(true);
    expect(containsPhrase("My knee hurts", "chest pain")).toBe(false);
    expect(containsPhrase("我肚子疼", "头痛")).toBe(false);
  });

  it("ignores a negated phrase when asked to", () => {
    expect(containsPhrase("no fever at all", "fever", { negationAware: true })).toBe(false);
    expect(containsPhrase("I have a fever", "fever", { negationAware: true })).toBe(true);
    expect(containsPhrase("没有发烧", "发烧", { negationAware: true })).toBe(false);
    expect(containsPhrase("有点发烧", "发烧", { negationAware: true })).toBe(true);
  });

  it("matches phrases made only of function words as a sequence", () => {
    expect(containsPhrase("no, it came on slowly", "no")).toBe(true);
    expect(containsPhrase("not sure", "no")).toBe(false);
  });
});

describe("firstPhraseIn", () => {
  it("accepts alternatives in one entry", () => {
    expect(firstPhraseIn("Can you recommend a cosmetic surgeon?", ["weight loss", "cosmetic / 整形"])).toBe("cosmetic / 整形");
    expect(firstPhraseIn("我想咨询整形手术", ["weight loss", "cosmetic / 整形"])).toBe("cosmetic / 整形");
  });
});

describe("keyTerms", () => {
  it("keeps content words", () => {
    expect(keyTerms("How much salt should I eat a day?")).toEqual(expect.arrayContaining(["salt", "eat"]));
    expect(keyTerms("那孩子呢？")).toEqual(["孩子"]);
  });
});

import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it.each([
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR,en;q=0.5,zh;q=0.7", "zh-CN"],
    ["fr-FR", "en"],
    ["", "en"],
    ["zh-CN;q=0, en", "en"],
    ["en;q=0.2, zh-Hans-CN ; q=0.9", "zh-CN"],
    ["zh;q=abc, en;q=0.5", "en"],
    ["*", "en"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { translate } from "@/server/i18n/messages";
import { formatDuration } from "./format-duration";

const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate("en", key, vars);
const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate("zh-CN", key, vars);

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [45_000, "45 s"],
    [192_000, "3 min 12 s"],
    [2 * 3600_000 + 5 * 60_000 + 30_000, "2 h 5 min"],
    [28 * 3600_000, "1 d 4 h"],
    [-5_000, "0 s"],
  ])("%i ms → %s", (ms, expected) => {
    expect(formatDuration(ms, en)).toBe(expected);
  });

  it("speaks Chinese too", () => {
    expect(formatDuration(192_000, zh)).toBe("3 分 12 秒");
  });
});

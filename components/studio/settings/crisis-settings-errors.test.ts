import { describe, expect, it } from "vitest";
import { translate } from "@/components/i18n/messages";
import { placeIssues } from "./crisis-settings-errors";

describe("placeIssues", () => {
  it("places top-level and per-line issues, one per field, in order", () => {
    const placed = placeIssues([
      { path: ["webhookUrl"], code: "invalid_format" },
      { path: ["webhookUrl"], code: "too_big" },
      { path: ["extraHotlines", 1, "number"], code: "invalid_format" },
      { path: ["extraHotlines", 1, "label"], code: "too_small" },
      { path: ["responseTargetMinutes"], code: "too_small" },
    ]);
    expect(placed.map((p) => (p.field === "hotline" ? `hotline.${p.row}.${p.part}` : p.field))).toEqual([
      "webhookUrl",
      "hotline.1.number",
      "hotline.1.label",
      "responseTargetMinutes",
    ]);
  });

  it("drops issues it cannot place", () => {
    expect(placeIssues([{ path: ["somethingNew"], code: "custom" }, { path: [], code: "invalid_type" }])).toEqual([]);
  });

  it("words every error in the UI's language, with the schema's limits", () => {
    const placed = placeIssues([
      { path: ["webhookSecret"], code: "too_small" },
      { path: ["extraHotlines"], code: "too_big" },
      { path: ["extraHotlines", 0, "number"], code: "invalid_format" },
    ]);
    const words = (locale: "en" | "zh-CN") => placed.map((p) => translate(locale, p.message.key, p.message.vars));
    expect(words("en")).toEqual([
      "Use a secret of 16 to 200 characters, or leave it empty to keep the current one.",
      "Add at most 5 lines.",
      "Enter a phone number using digits, spaces, +, ( ) or -.",
    ]);
    expect(words("zh-CN")).toEqual(["密钥需为 16 到 200 个字符；留空则保留现有密钥。", "最多添加 5 条电话。", "请输入电话号码，只能包含数字、空格、+、( ) 或 -。"]);
  });
});

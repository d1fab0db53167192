import { describe, expect, it } from "vitest";
import { translate } from "@/server/i18n/messages";
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
  it("words a refused webhook target by its reason, in both languages", () => {
    const [placed] = placeIssues([{ path: ["webhookUrl"], code: "custom", reason: "private" }]);
    expect(placed).toMatchObject({ field: "webhookUrl", message: { key: "settings.crisis.error.webhookUrl.private" } });
    expect(translate("en", placed!.message.key)).toMatch(/private network/);
    expect(translate("zh-CN", placed!.message.key)).toMatch(/私有网络/);
    for (const reason of ["https", "loopback", "private", "link_local", "reserved"]) {
      expect(placeIssues([{ path: ["webhookUrl"], code: "custom", reason }])[0]!.message.key).toBe(`settings.crisis.error.webhookUrl.${reason}`);
    }
    // An unknown reason still gets the field's own words.
    expect(placeIssues([{ path: ["webhookUrl"], code: "custom", reason: "new" }])[0]!.message.key).toBe("settings.crisis.error.webhookUrl");
  });

  it("words a robot URL on another host and each secret problem by its reason", () => {
    expect(placeIssues([{ path: ["webhookUrl"], code: "custom", reason: "platform_host" }])[0]!.message.key).toBe("settings.crisis.error.webhookUrl.platform_host");
    for (const reason of ["required", "no_secret", "whsec"]) {
      expect(placeIssues([{ path: ["webhookSecret"], code: "custom", reason }])[0]!.message.key).toBe(`settings.crisis.error.webhookSecret.${reason}`);
    }
    expect(placeIssues([{ path: ["webhookSecret"], code: "too_small" }])[0]!.message.key).toBe("settings.crisis.error.webhookSecret");
  });
});

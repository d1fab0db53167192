import { describe, expect, it } from "vitest";
import { en, zhCN } from "./messages";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  it.each(Object.keys(en) as (keyof typeof en)[])("%s uses the same {placeholders} in both languages", (key) => {
    expect(placeholders(zhCN[key])).toEqual(placeholders(en[key]));
  });

  it("has no empty strings", () => {
    for (const catalog of [en, zhCN]) expect(Object.entries(catalog).filter(([, v]) => !v.trim())).toEqual([]);
  });
});

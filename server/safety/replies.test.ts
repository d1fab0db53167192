import { describe, expect, it } from "vitest";
import type { CrisisCategory, CrisisEvidence, CrisisLevel } from "./detect";
import hotlineTable from "./hotlines.json";
import { getCrisisReply, type Hotline, type Locale, type Region } from "./replies";

const CATEGORIES: CrisisCategory[] = ["suicide", "medical", "violence"];
const LEVELS: CrisisLevel[] = ["imminent", "high", "concern"];
const LOCALES: Locale[] = ["en", "zh-CN"];
const REGIONS: Region[] = ["CN", "US", "UK", "INTL"];

const numbers = (category: CrisisCategory, level: CrisisLevel, region: Region, evidence?: CrisisEvidence[]) =>
  getCrisisReply({ category, level, locale: "en", region, evidence }).hotlines.map((h) => h.number);

describe("every category × level × locale × region", () => {
  const grid = CATEGORIES.flatMap((c) => LEVELS.flatMap((l) => LOCALES.flatMap((loc) => REGIONS.map((r) => [c, l, loc, r] as const))));
  it.each(grid)("%s / %s / %s / %s has a complete text and at least one number", (category, level, locale, region) => {
    const { text, hotlines } = getCrisisReply({ category, level, locale, region });
    expect(hotlines.length).toBeGreaterThan(0);
    expect(text).not.toContain("{numbers}");
    for (const h of hotlines) expect(text).toContain(h.number);
    if (locale === "zh-CN") expect(text).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(CATEGORIES.flatMap((c) => LOCALES.flatMap((loc) => (["imminent", "high"] as const).map((l) => [c, l, loc] as const))))(
    "%s / %s / %s tells the patient a person on the care team was notified",
    (category, level, locale) => {
      const { text } = getCrisisReply({ category, level, locale, region: "US" });
      expect(text).toMatch(locale === "en" ? /notified a person on the care team/ : /已经通知了医护团队/);
    },
  );
});

describe("numbers by region", () => {
  it("CN: suicide → 12356 and 120; violence → 110 first, then 120; medical → 120", () => {
    expect(numbers("suicide", "high", "CN")).toEqual(["12356", "120"]);
    expect(numbers("suicide", "imminent", "CN")).toEqual(["120", "12356"]);
    expect(numbers("violence", "imminent", "CN")).toEqual(["110", "120"]);
    expect(numbers("medical", "imminent", "CN")).toEqual(["120"]);
  });

  it("US: suicide → 988 and 911; medical → 911, plus Poison Control only for poisoning", () => {
    expect(numbers("suicide", "high", "US")).toEqual(["988", "911"]);
    expect(numbers("medical", "imminent", "US")).toEqual(["911"]);
    const poisoning: CrisisEvidence[] = [
      { phrase: "swallowed a button battery + toddler", rule: "en.m.poison_child", category: "medical", level: "imminent" },
    ];
    expect(numbers("medical", "imminent", "US", poisoning)).toEqual(["911", "1-800-222-1222"]);
  });

  it("UK: suicide → Samaritans and 999; NHS 111 only below imminent", () => {
    expect(numbers("suicide", "high", "UK")).toEqual(["116 123", "999", "111"]);
    expect(numbers("medical", "imminent", "UK")).toEqual(["999"]);
    expect(numbers("medical", "high", "UK")).toEqual(["999", "111"]);
  });

  it("INTL: 112 / local emergency number and findahelpline.com as text", () => {
    const { hotlines, text } = getCrisisReply({ category: "suicide", level: "imminent", locale: "en", region: "INTL" });
    expect(hotlines.map((h) => h.number)).toEqual(["112", "findahelpline.com"]);
    expect(hotlines.find((h) => h.number === "findahelpline.com")?.tel).toBeNull();
    expect(text).toContain("your local emergency number");
  });

  it("a suicide concern addendum points to support lines, not the ambulance", () => {
    expect(numbers("suicide", "concern", "CN")).toEqual(["12356"]);
    expect(numbers("suicide", "concern", "US")).toEqual(["988"]);
  });
});

describe("every relevant number when evidence spans categories", () => {
  it("intentional overdose: crisis line, ambulance and poison control", () => {
    const evidence: CrisisEvidence[] = [
      { phrase: "took all my pills", rule: "en.s.overdose_taken", category: "suicide", level: "imminent" },
      { phrase: "took all my pills", rule: "en.m.poison_ingested", category: "medical", level: "imminent" },
    ];
    expect(numbers("suicide", "imminent", "US", evidence)).toEqual(["911", "1-800-222-1222", "988"]);
  });

  it("suicide with violence evidence in CN adds the police", () => {
    const evidence: CrisisEvidence[] = [
      { phrase: "想死", rule: "zh.s.want_die", category: "suicide", level: "high" },
      { phrase: "老公打我", rule: "zh.v.assault", category: "violence", level: "high" },
    ];
    expect(numbers("suicide", "high", "CN", evidence)).toEqual(["12356", "120", "110"]);
  });
});

describe("extra hotlines (an organisation's own line)", () => {
  const onCall: Hotline = {
    id: "org-oncall",
    label: { en: "Ward on-call nurse", "zh-CN": "病区值班护士" },
    number: "010-1234 5678",
    tel: "tel:+861012345678",
    kind: "advice",
    categories: ["medical", "suicide"],
  };

  it("follows the emergency numbers and is mentioned in the text", () => {
    const { hotlines, text } = getCrisisReply({ category: "medical", level: "imminent", locale: "zh-CN", region: "CN", extraHotlines: [onCall] });
    expect(hotlines.map((h) => h.id)).toEqual(["cn-120", "org-oncall"]);
    expect(text).toContain("010-1234 5678（病区值班护士）");
  });

  it("is left out when it does not cover the category, and duplicates are dropped", () => {
    expect(numbers("violence", "imminent", "CN")).toEqual(["110", "120"]);
    const duplicate: Hotline = { ...onCall, id: "dup", number: "120", categories: ["medical"] };
    const { hotlines } = getCrisisReply({ category: "medical", level: "imminent", locale: "en", region: "CN", extraHotlines: [duplicate] });
    expect(hotlines.map((h) => h.id)).toEqual(["cn-120"]);
    const other = getCrisisReply({ category: "violence", level: "imminent", locale: "en", region: "CN", extraHotlines: [onCall] });
    expect(other.hotlines.map((h) => h.id)).not.toContain("org-oncall");
  });
});

describe("hotlines.json", () => {
  const table = hotlineTable as Record<Region, Hotline[]>;
  const all = REGIONS.flatMap((r) => table[r]);

  it("has unique ids, both labels, and dialable tel: URIs", () => {
    expect(new Set(all.map((h) => h.id)).size).toBe(all.length);
    for (const h of all) {
      expect(h.label.en.length).toBeGreaterThan(0);
      expect(h.label["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      if (h.tel !== null) {
        expect(h.tel).toMatch(/^tel:\+?\d+$/);
        expect(h.tel.replace(/\D/g, "").endsWith(h.number.replace(/\D/g, ""))).toBe(true);
      }
    }
  });

  it("covers every category in every region", () => {
    for (const region of REGIONS) {
      for (const category of CATEGORIES) expect(table[region].some((h) => h.categories.includes(category))).toBe(true);
    }
  });
});

describe("safe messaging", () => {
  it("replies never mention methods or means", () => {
    for (const category of CATEGORIES) {
      for (const level of LEVELS) {
        for (const locale of LOCALES) {
          const { text } = getCrisisReply({ category, level, locale, region: "US" });
          expect(text).not.toMatch(/pill|overdose|rope|jump|hang|cut|dose|安眠药|跳楼|上吊|割腕|剂量/i);
        }
      }
    }
  });
});

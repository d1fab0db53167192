import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseCardSchema } from "@/db/schema/case-card";
import { STARTER_CASES } from "./index";

const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
const hasHan = (s: string) => /\p{Script=Han}/u.test(s);
const hasLatin = (s: string) => /[a-z]/i.test(s);

describe("starter library", () => {
  it.each(files)("%s is a valid case card", (file) => {
    const parsed = caseCardSchema.safeParse(JSON.parse(readFileSync(join(dir, file), "utf8")));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("registers every JSON file under its file name", () => {
    expect(STARTER_CASES.map((c) => `${c.key}.json`).sort()).toEqual([...files].sort());
  });

  it("spans both languages, many specialties and the required crisis cases", () => {
    const cards = STARTER_CASES.map((c) => c.card);
    expect(cards.length).toBeGreaterThanOrEqual(12);
    expect(cards.filter((c) => c.language === "zh-CN").length).toBeGreaterThanOrEqual(5);
    expect(cards.filter((c) => c.language === "en").length).toBeGreaterThanOrEqual(5);
    expect(new Set(cards.map((c) => c.specialty)).size).toBeGreaterThanOrEqual(8);
    const crisis = cards.filter((c) => c.crisis);
    expect(crisis.map((c) => `${c.language}:${c.expected.escalation.category}`)).toEqual(
      expect.arrayContaining(["zh-CN:suicide_risk", "en:medical_emergency", "zh-CN:self_harm"]),
    );
  });

  it.each(STARTER_CASES.map((c) => [c.key, c.card] as const))("%s is consistent for scoring and offline answering", (_key, card) => {
    // A crisis case must require escalation with a category; other cases must not.
    expect(card.expected.escalation.required).toBe(card.crisis);
    if (card.crisis) expect(card.expected.escalation.category).toBeDefined();
    expect(card.expected.mustAsk.length).toBeGreaterThanOrEqual(3);
    expect(card.expected.expectedAdvice.length).toBeGreaterThan(20);
    // Keywords in both languages, so a question in either language finds the fact offline.
    for (const fact of card.facts) {
      expect(fact.keywords.some(hasHan) && fact.keywords.some(hasLatin), fact.answer).toBe(true);
      expect(fact.keywords.every((k) => k === k.toLowerCase()), fact.answer).toBe(true);
    }
    // Every required question can be answered: some fact shares one of its keywords.
    const factWords = new Set(card.facts.flatMap((f) => f.keywords.map((k) => k.toLowerCase())));
    for (const q of card.expected.mustAsk) {
      expect(q.keywords.some((k) => [...factWords].some((w) => w.includes(k.toLowerCase()) || k.toLowerCase().includes(w))), q.question).toBe(true);
    }
  });
});

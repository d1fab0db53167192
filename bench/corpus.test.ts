import { describe, expect, it } from "vitest";
import { generateCorpus, generateDocument, generatePassage, generateQueries, PAGE_CHARS } from "./corpus";
import { seededRandom } from "@/server/lib/random";

describe("generated benchmark corpus", () => {
  it("is deterministic", () => {
    expect(generateCorpus(3, 40)).toEqual(generateCorpus(3, 40));
    expect(generateQueries(5, 10)).toEqual(generateQueries(5, 10));
  });

  it("adds up to the pages asked for, in both languages, with headings", () => {
    const corpus = generateCorpus(1, 300);
    expect(corpus.reduce((n, d) => n + d.pages, 0)).toBe(300);
    expect(new Set(corpus.map((d) => d.lang))).toEqual(new Set(["en", "zh"]));
    for (const doc of corpus) {
      expect(doc.text.startsWith(`# ${doc.title}\n`)).toBe(true);
      expect(doc.text.match(/^## /gm)).toHaveLength(doc.pages);
    }
    expect(new Set(corpus.map((d) => d.text)).size).toBe(corpus.length);
  });

  it("makes pages of about a printed page", () => {
    for (const lang of ["en", "zh"] as const) {
      const doc = generateDocument(11, 10, lang);
      const perPage = doc.text.length / doc.pages;
      expect(perPage).toBeGreaterThan(PAGE_CHARS[lang]);
      expect(perPage).toBeLessThan(PAGE_CHARS[lang] * 1.6);
    }
  });

  it("varies its passages", () => {
    const random = seededRandom(9);
    const passages = Array.from({ length: 200 }, (_, i) => generatePassage(random, i % 2 ? "en" : "zh"));
    expect(new Set(passages.map((p) => p.content)).size).toBe(200);
    expect(passages.every((p) => p.headingPath.length === 2 && p.content.length > 200)).toBe(true);
  });
});

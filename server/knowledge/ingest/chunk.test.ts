import { describe, expect, it } from "vitest";
import { HAN_WEIGHT, weightedLength } from "@/server/knowledge/text/language";
import { chunkDocument, type Chunk } from "./chunk";
import { formularyMarkdown } from "./parsers/fixtures";

const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

/** Every chunk's content is its source span, whitespace aside. */
function expectFaithfulSpans(text: string, chunks: Chunk[]): void {
  for (const chunk of chunks) {
    expect(squash(text.slice(chunk.charStart, chunk.charEnd))).toBe(squash(chunk.content));
  }
}

function sentence(topic: string, i: number): string {
  return `The ${topic} note number ${i} explains one small detail about daily care at home.`;
}

describe("chunkDocument: basics", () => {
  it("returns nothing for empty or blank input", () => {
    expect(chunkDocument("", { format: "markdown" })).toEqual([]);
    expect(chunkDocument(" \n\n\t ", { format: "text" })).toEqual([]);
  });

  it("numbers chunks in order and leaves page null without page breaks", () => {
    const text = ["# Guide", "", "First paragraph here.", "", "## Part", "", "Second paragraph here."].join("\n");
    const chunks = chunkDocument(text, { format: "markdown" });
    expect(chunks.map((c) => c.ordinal)).toEqual([0, 1]);
    expect(chunks.every((c) => c.page === null)).toBe(true);
  });
});

describe("chunkDocument: markdown structure", () => {
  const text = [
    "# Knee care",
    "",
    "Knees carry the whole body.",
    "",
    "## Exercise",
    "",
    "### Warm-up",
    "",
    "Walk slowly for five minutes.",
    "",
    "### Stretching",
    "",
    "Hold each stretch for thirty seconds.",
    "",
    "## When to see a doctor",
    "",
    "See a doctor if the knee swells.",
    "",
    "Diet tips",
    "---------",
    "",
    "Eat enough protein.",
  ].join("\n");
  const chunks = chunkDocument(text, { format: "markdown" });

  it("gives each chunk the path of headings above it, never a heading alone", () => {
    expect(chunks.map((c) => [c.headingPath, c.content])).toEqual([
      [["Knee care"], "Knees carry the whole body."],
      [["Knee care", "Exercise", "Warm-up"], "Walk slowly for five minutes."],
      [["Knee care", "Exercise", "Stretching"], "Hold each stretch for thirty seconds."],
      [["Knee care", "When to see a doctor"], "See a doctor if the knee swells."],
      [["Knee care", "Diet tips"], "Eat enough protein."],
    ]);
  });

  it("maps every span back to the original text", () => {
    expectFaithfulSpans(text, chunks);
    expect(text.slice(chunks[1]!.charStart, chunks[1]!.charEnd)).toBe("Walk slowly for five minutes.");
  });

  it("keeps small paragraphs of one section together", () => {
    const md = "## Sleep\n\nKeep a regular bedtime.\n\nAvoid screens late at night.\n";
    const [only, ...rest] = chunkDocument(md, { format: "markdown" });
    expect(rest).toEqual([]);
    expect(only!.content).toBe("Keep a regular bedtime.\n\nAvoid screens late at night.");
  });

  it("keeps list items whole and a code block in one piece", () => {
    const md = [
      "## Checklist",
      "",
      "- Bring your medication list",
      "  and your allergy card",
      "- Arrive early",
      "",
      "```",
      "dose: 5 mg. Take twice.",
      "```",
    ].join("\n");
    const chunks = chunkDocument(md, { format: "markdown", maxChars: 70, overlapChars: 0 });
    expect(chunks.map((c) => c.content)).toEqual([
      "- Bring your medication list\nand your allergy card\n- Arrive early",
      "```\ndose: 5 mg. Take twice.\n```",
    ]);
    expectFaithfulSpans(md, chunks);
  });

  it("handles Windows line endings", () => {
    const md = "# Title\r\n\r\nLine one of the text.\r\n\r\n## Next\r\n\r\nLine two.";
    const chunks = chunkDocument(md, { format: "markdown" });
    expect(chunks.map((c) => [c.headingPath, c.content])).toEqual([
      [["Title"], "Line one of the text."],
      [["Title", "Next"], "Line two."],
    ]);
    expectFaithfulSpans(md, chunks);
  });
});

describe("chunkDocument: size budget and overlap", () => {
  const paragraphs = Array.from({ length: 6 }, (_, p) =>
    Array.from({ length: 5 }, (_, i) => sentence(`p${p}`, i)).join(" "),
  );
  const text = `# Care notes\n\n${paragraphs.join("\n\n")}\n`;

  it("keeps every chunk within budget and cuts only at sentence ends", () => {
    const chunks = chunkDocument(text, { format: "markdown", maxChars: 300, overlapChars: 0 });
    expect(chunks.length).toBeGreaterThan(6);
    for (const chunk of chunks) {
      expect(weightedLength(chunk.content)).toBeLessThanOrEqual(300);
      expect(chunk.content).toMatch(/^The p\d note/);
      expect(chunk.content).toMatch(/home\.$/);
    }
    expectFaithfulSpans(text, chunks);
  });

  it("starts a new chunk at a paragraph that fits rather than cutting it", () => {
    const chunks = chunkDocument(text, { format: "markdown", maxChars: 500, overlapChars: 0 });
    // Each paragraph is about 400 characters: one per chunk, none cut.
    expect(chunks.map((c) => c.content)).toEqual(paragraphs);
  });

  it("repeats the previous chunk's last sentence as overlap", () => {
    const chunks = chunkDocument(text, { format: "markdown", maxChars: 300, overlapChars: 100 });
    for (let i = 1; i < chunks.length; i += 1) {
      const previous = chunks[i - 1]!;
      const current = chunks[i]!;
      expect(current.charStart).toBeLessThan(previous.charEnd);
      expect(previous.content.endsWith(current.content.slice(0, current.content.indexOf(".") + 1))).toBe(true);
      expect(weightedLength(current.content)).toBeLessThanOrEqual(300);
    }
    const withoutOverlap = chunkDocument(text, { format: "markdown", maxChars: 300, overlapChars: 0 });
    for (let i = 1; i < withoutOverlap.length; i += 1) {
      expect(withoutOverlap[i]!.charStart).toBeGreaterThanOrEqual(withoutOverlap[i - 1]!.charEnd);
    }
  });

  it("does not carry overlap across headings", () => {
    const md = `## A\n\n${sentence("a", 1)} ${sentence("a", 2)}\n\n## B\n\n${sentence("b", 1)}`;
    const chunks = chunkDocument(md, { format: "markdown", maxChars: 100, overlapChars: 100 });
    const b = chunks.filter((c) => c.headingPath[0] === "B");
    expect(b.map((c) => c.content)).toEqual([sentence("b", 1)]);
  });

  it("splits a single over-long sentence at clause marks or spaces, never mid-word", () => {
    const long = `Symptoms include ${Array.from({ length: 40 }, (_, i) => `symptom${i}`).join(", ")} and more.`;
    const chunks = chunkDocument(long, { format: "text", maxChars: 120, overlapChars: 0 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(weightedLength(chunk.content)).toBeLessThanOrEqual(120);
      expect(chunk.content).toMatch(/^(Symptoms|symptom\d+)/);
    }
    expectFaithfulSpans(long, chunks);
  });
});

describe("chunkDocument: Chinese", () => {
  const sentences = Array.from({ length: 12 }, (_, i) => `第${i + 1}条建议是饭后散步二十分钟，帮助胃排空，减轻腹胀。`);
  const text = `# 胃胀怎么办\n\n${sentences.slice(0, 6).join("")}\n\n${sentences.slice(6).join("")}`;

  it("weighs Han characters more and cuts at 。", () => {
    expect(weightedLength("胃胀")).toBe(2 * HAN_WEIGHT);
    const chunks = chunkDocument(text, { format: "markdown", maxChars: 200, overlapChars: 0 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.headingPath).toEqual(["胃胀怎么办"]);
      expect(weightedLength(chunk.content)).toBeLessThanOrEqual(200);
      expect(chunk.content).toMatch(/^第\d+条/);
      expect(chunk.content.endsWith("。")).toBe(true);
    }
    expectFaithfulSpans(text, chunks);
  });

  it("cuts an unbroken Chinese sentence that exceeds the budget", () => {
    const run = "胃".repeat(100);
    const chunks = chunkDocument(run, { format: "text", maxChars: 100, overlapChars: 0 });
    expect(chunks.map((c) => c.content).join("")).toBe(run);
    for (const chunk of chunks) expect(weightedLength(chunk.content)).toBeLessThanOrEqual(100);
  });
});

describe("chunkDocument: plain text", () => {
  it("splits paragraphs at blank lines and keeps a wrapped paragraph together", () => {
    const text = "Drink water often.\nCarry a bottle.\n\nRest when tired.";
    const chunks = chunkDocument(text, { format: "text", maxChars: 40, overlapChars: 0 });
    expect(chunks.map((c) => c.content)).toEqual(["Drink water often.\nCarry a bottle.", "Rest when tired."]);
  });

  it("takes a short unpunctuated line before a longer paragraph for a heading", () => {
    const text = "Hydration\n\nDrink small amounts of water throughout the day, more in hot weather.\n\nSleep hygiene\n\nGo to bed at the same time every night, even on weekends.";
    const chunks = chunkDocument(text, { format: "text" });
    expect(chunks.map((c) => c.headingPath)).toEqual([["Hydration"], ["Sleep hygiene"]]);
  });

  it("does not take sentences or lone short lines for headings", () => {
    const text = "Call us today.\n\nWe answer within a day, usually sooner than that, by phone.\n\nThanks\n\nOK";
    const chunks = chunkDocument(text, { format: "text" });
    expect(chunks.every((c) => c.headingPath.length === 0)).toBe(true);
    expect(chunks.map((c) => c.content).join("\n\n")).toBe(text);
  });
});

describe("chunkDocument: pages", () => {
  it("assigns the page where a chunk starts", () => {
    const page1 = "Page one text about sleep.";
    const page2 = "Page two text about diet.";
    const text = `${page1}\n\n${page2}`;
    const chunks = chunkDocument(text, { format: "text", maxChars: 30, overlapChars: 0, pageBreaks: [0, page1.length + 2] });
    expect(chunks.map((c) => [c.content, c.page])).toEqual([
      [page1, 1],
      [page2, 2],
    ]);
  });
});

/**
 * The chunker's work, counted instead of timed: characters that string slices copy and lastIndexOf scans,
 * and elements that array filter, includes and slice walk, while `run` runs. Machine-independent, so a
 * test can compare a document with one twice its size.
 */
function workOf(run: () => void): number {
  const S = String.prototype;
  const A = Array.prototype;
  const original = { slice: S.slice, lastIndexOf: S.lastIndexOf, filter: A.filter, includes: A.includes, arraySlice: A.slice };
  let work = 0;
  S.slice = function (this: string, ...args: [number?, number?]) {
    const result = original.slice.apply(this, args);
    work += result.length;
    return result;
  };
  S.lastIndexOf = function (this: string, search: string, from?: number) {
    const found = original.lastIndexOf.call(this, search, from);
    work += (from ?? this.length) - Math.max(found, 0);
    return found;
  };
  A.filter = function (this: unknown[], ...args: Parameters<typeof original.filter>) {
    work += this.length;
    return original.filter.apply(this, args);
  } as typeof A.filter;
  A.includes = function (this: unknown[], ...args: Parameters<typeof original.includes>) {
    work += this.length;
    return original.includes.apply(this, args);
  };
  A.slice = function (this: unknown[], ...args: [number?, number?]) {
    const result = original.arraySlice.apply(this, args);
    work += result.length;
    return result;
  };
  try {
    run();
  } finally {
    Object.assign(S, { slice: original.slice, lastIndexOf: original.lastIndexOf });
    Object.assign(A, { filter: original.filter, includes: original.includes, slice: original.arraySlice });
  }
  return work;
}

/** One paragraph of many sentences (prose unwrapped into one block). */
const longParagraph = (sentences: number) => Array.from({ length: sentences }, (_, i) => `Take ${(i % 9) + 1} mg daily.`).join(" ");

describe("chunkDocument: work grows linearly with the document", () => {
  it("cuts a 20,000-heading formulary into one chunk per section at its place", () => {
    const text = formularyMarkdown(20_000);
    const chunks = chunkDocument(text, { format: "markdown" });
    expect(chunks).toHaveLength(20_000);
    for (const i of [0, 1, 9_999, 19_999]) {
      const body = `${(i % 9) + 1} mg q8h`;
      expect(chunks[i]).toMatchObject({ ordinal: i, headingPath: [`Drug ${i}`], content: body, charStart: text.indexOf(`## Drug ${i}\n`) + `## Drug ${i}\n`.length });
    }
  });

  it.each([
    ["a formulary of 10,000 vs 20,000 headed sections", (n: number) => chunkDocument(formularyMarkdown(n), { format: "markdown" })],
    ["one paragraph of 10,000 vs 20,000 sentences", (n: number) => chunkDocument(longParagraph(n), { format: "text" })],
    [
      "10,000 vs 20,000 one-section pages",
      (n: number) => {
        const text = formularyMarkdown(n);
        const pageBreaks = [...text.matchAll(/^## /gm)].map((m) => m.index);
        chunkDocument(text, { format: "markdown", pageBreaks });
      },
    ],
  ])("%s: twice the document, about twice the work", (_, chunk) => {
    const once = workOf(() => chunk(10_000));
    const twice = workOf(() => chunk(20_000));
    expect(once).toBeGreaterThan(0);
    // Linear work doubles; the quadratic look-backs this guards against made it four times as much.
    expect(twice / once).toBeLessThan(2.5);
  });
});

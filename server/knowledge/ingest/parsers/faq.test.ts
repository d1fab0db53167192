import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRows } from "./csv";
import { faqEntriesFromRows, findFaqColumns, MAX_FAQ_ENTRIES } from "./faq";
import { buildXlsx, lyingZipBomb, repeatedSharedStringXlsx } from "./fixtures";
import { parseXlsx } from "./xlsx";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("FAQ header detection", () => {
  it.each([
    [["Question", "Answer"], { question: 0, answer: 1 }],
    [["#", "问题", "答案"], { question: 1, answer: 2 }],
    [["回答", "提问"], { question: 1, answer: 0 }],
    [["Patient question", "Doctor's answer", "Notes"], { question: 0, answer: 1 }],
    [["Q", "A"], { question: 0, answer: 1 }],
    [["常见问题（中文）", "解答"], { question: 0, answer: 1 }],
  ])("finds the columns in %j", (row, expected) => {
    expect(findFaqColumns(row)).toEqual(expected);
  });

  it("does not take unrelated headers for question or answer", () => {
    expect(findFaqColumns(["Name", "Quantity", "Area"])).toBeNull();
  });

  it("skips a title row above the header, and rows missing a question or an answer", () => {
    const rows = [["Clinic FAQ"], ["question", "answer"], ["Can I run?", "Yes."], ["", "orphan answer"], ["No answer?", ""]];
    expect(faqEntriesFromRows(rows)).toEqual([{ question: "Can I run?", answer: "Yes." }]);
  });

  it("says which headers to use when there are none", () => {
    expect(() => faqEntriesFromRows([["foo", "bar"], ["1", "2"]])).toThrow(/“question” and “answer” \(or “问题” and “答案”\)/);
  });

  it("stops at the pair past the limit, before reading the rows after it", () => {
    const pairs = Array.from({ length: MAX_FAQ_ENTRIES + 1 }, (_, i) => [`Question ${i}?`, "Answer.", ""]);
    // The row after the limit has a bad urgency: reading on would report that instead.
    const rows = [["question", "answer", "urgency"], ...pairs, ["One more?", "Yes.", "whenever"]];
    expect(() => faqEntriesFromRows(rows)).toThrow(`The sheet has more than ${MAX_FAQ_ENTRIES} question/answer pairs; split it into sheets of at most ${MAX_FAQ_ENTRIES}.`);
  });

  it("refuses a sheet with headers but no pairs", () => {
    expect(() => faqEntriesFromRows([["question", "answer"]])).toThrow(/no row with both/);
  });
});

describe("CSV", () => {
  it("reads quoted fields with commas, doubled quotes and newlines", () => {
    expect(parseCsvRows('question,answer\n"Can I, really?","Yes, ""really"".\nTwo lines."\n')).toEqual([
      ["question", "answer"],
      ["Can I, really?", 'Yes, "really".\nTwo lines.'],
    ]);
  });

  it("detects semicolon and tab delimiters", () => {
    expect(parseCsvRows("question;answer\nA?;B.")).toEqual([["question", "answer"], ["A?", "B."]]);
    expect(parseCsvRows("问题\t答案\n能喝酒吗？\t不能。")).toEqual([["问题", "答案"], ["能喝酒吗？", "不能。"]]);
  });

  it("turns each row into one entry, as a ## question section whose span is the answer", () => {
    const parsed = parseCsv(bytes("问题,答案\n痛风能喝酒吗？,不建议饮酒，尤其是啤酒。\nCan I eat seafood?,\"In moderation, yes.\"\n"));
    expect(parsed.faq!.entries).toEqual([
      { question: "痛风能喝酒吗？", answer: "不建议饮酒，尤其是啤酒。" },
      { question: "Can I eat seafood?", answer: "In moderation, yes." },
    ]);
    expect(parsed.faq!.spans.map((s) => parsed.text.slice(s.start, s.end))).toEqual(["不建议饮酒，尤其是啤酒。", "In moderation, yes."]);
    expect(parsed.text).toMatch(/^## 痛风能喝酒吗？\n\n/);
  });

  it("refuses a CSV without question/answer columns", () => {
    expect(() => parseCsv(bytes("name,dose\nibuprofen,200mg\n"))).toThrow(/No question and answer columns/);
  });
});

describe("XLSX", () => {
  it("reads the first sheet through the shared string table", () => {
    const parsed = parseXlsx(buildXlsx([["问题", "答案"], ["痛风能喝酒吗？", "不建议饮酒。"], ["Can I run?", "Yes, gently."]]));
    expect(parsed.faq!.entries).toEqual([
      { question: "痛风能喝酒吗？", answer: "不建议饮酒。" },
      { question: "Can I run?", answer: "Yes, gently." },
    ]);
  });

  it("reads inline strings too", () => {
    expect(parseXlsx(buildXlsx([["Question", "Answer"], ["Can I swim?", "Yes."]], { inlineStrings: true })).faq!.entries).toEqual([{ question: "Can I swim?", answer: "Yes." }]);
  });

  it("refuses a workbook without question/answer columns, a non-zip and a bomb", () => {
    expect(() => parseXlsx(buildXlsx([["Drug", "Dose"], ["a", "b"]]))).toThrow(/No question and answer columns/);
    expect(() => parseXlsx(bytes("question,answer\na,b"))).toThrow(/not a valid Excel workbook/);
    expect(() => parseXlsx(lyingZipBomb(4))).toThrow(/not an Excel workbook|archive bomb/);
  });

  it("refuses a sheet whose rows all point at one huge shared string, before expanding it", () => {
    // 1 MB of text in 100 rows: a 100-million-character sheet from a file of a few kilobytes.
    const crafted = repeatedSharedStringXlsx(1_000_000, 100);
    expect(crafted.byteLength).toBeLessThan(20_000);
    expect(() => parseXlsx(crafted, 30_000_000)).toThrow(
      "This Excel sheet expands to more than 30,000,000 characters of text, the limit for one document, so it was not indexed. Split it into smaller files and upload those.",
    );
    expect(parseXlsx(repeatedSharedStringXlsx(1_000, 10), 30_000_000).faq!.entries).toHaveLength(10);
  });
});

import { describe, expect, it } from "vitest";
import { chunkDocument } from "@/server/knowledge/ingest/chunk";
import { readingLimits } from "@/server/knowledge/limits";
import { buildPdf } from "./fixtures";
import { checkPdf, parsePdf } from "./pdf";

describe("PDF", () => {
  it("reads the text layer of each page, with headings and the offset where each page starts", async () => {
    const pdf = buildPdf([
      { heading: "Hypertension", lines: ["Eat less than five grams of salt a day.", "Salt hides in bread and soup."] },
      { heading: "Exercise", lines: ["Walk briskly for 150 minutes", "every week."] },
    ]);
    const parsed = await parsePdf(pdf);
    expect(parsed.text).toBe(
      "# Hypertension\n\nEat less than five grams of salt a day. Salt hides in bread and soup.\n\n# Exercise\n\nWalk briskly for 150 minutes every week.",
    );
    expect(parsed.pageBreaks).toEqual([0, parsed.text.indexOf("# Exercise")]);
    const chunks = chunkDocument(parsed.text, { format: parsed.structure, pageBreaks: parsed.pageBreaks });
    expect(chunks.map((c) => [c.headingPath, c.page])).toEqual([
      [["Hypertension"], 1],
      [["Exercise"], 2],
    ]);
  });

  it("refuses a PDF over the page limit, at upload and in the job", async () => {
    const pdf = buildPdf(["One", "Two", "Three"].map((heading) => ({ heading, lines: [`Page ${heading} has enough text to index as a page.`] })));
    const message = "This PDF has 3 pages; one document may have at most 2. Split it into smaller PDFs (by chapter, say) and upload those.";
    await expect(checkPdf(pdf, 2)).rejects.toThrow(message);
    await expect(parsePdf(pdf, { ...readingLimits(), maxPdfPages: 2 })).rejects.toThrow(message);
    expect((await parsePdf(pdf, { ...readingLimits(), maxPdfPages: 3 })).pageBreaks).toHaveLength(3);
  });

  it("stops reading a PDF whose text passes the character limit", async () => {
    const pdf = buildPdf([{ lines: ["Eat less than five grams of salt a day."] }, { lines: ["Salt hides in bread and soup, and in sauces."] }]);
    await expect(parsePdf(pdf, { ...readingLimits(), maxTextChars: 50 })).rejects.toThrow(/This PDF expands to more than 50 characters of text/);
  });

  it("drops running headers and page numbers repeated on every page", async () => {
    const bodies = ["Salt raises blood pressure in most adults.", "Walking every day helps the heart.", "Sleep seven hours or more each night."];
    const pages = bodies.map((body, i) => ({ lines: ["Clinic leaflet", body, "Second line of this page, different on each.".replace("each", `page ${i}`), String(i + 1)] }));
    const { text } = await parsePdf(buildPdf(pages));
    expect(text).not.toMatch(/Clinic leaflet/);
    expect(text).not.toMatch(/^\d$/m);
    expect(text).toMatch(/Sleep seven hours/);
  });

  it("refuses a PDF with neither text nor images as having no text", async () => {
    await expect(parsePdf(buildPdf([{ lines: [] }, { lines: [] }]))).rejects.toThrow("This PDF has no text to index: its pages hold neither text nor scanned images.");
  });

  it("refuses an encrypted PDF, at upload already", async () => {
    const pdf = buildPdf([{ lines: ["Confidential"] }], { encrypt: true });
    await expect(checkPdf(pdf)).rejects.toThrow(/password-protected/);
    await expect(parsePdf(pdf)).rejects.toThrow(/password-protected/);
  });

  it("refuses a damaged PDF and a file that is no PDF at all", async () => {
    const pdf = buildPdf([{ lines: ["Some text here for the page."] }]);
    await expect(checkPdf(pdf.slice(0, 120))).rejects.toThrow(/damaged or incomplete/);
    await expect(parsePdf(new TextEncoder().encode("%PDF-1.7\n garbage"))).rejects.toThrow(/damaged or incomplete/);
    await expect(checkPdf(new TextEncoder().encode("Just some text."))).rejects.toThrow(/not a PDF/);
  });
});

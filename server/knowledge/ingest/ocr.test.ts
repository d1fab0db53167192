import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OcrOptions, readingLimits } from "@/server/knowledge/limits";
import { checkDocument, parseDocument } from "./parse";
import { readTsv, recognizeImage, renderDpi } from "./ocr";
import { checkImage } from "./parsers/image";
import { parsePdf } from "./parsers/pdf";
import { missingOcrPrograms, pageImages, type PageText, scannedPdf } from "@/server/test/scan-fixtures";

const GOUT: PageText = { heading: "Gout and alcohol", lines: ["Alcohol, beer above all, raises uric acid", "and can bring on a gout attack."] };
const GOUT_ZH: PageText = { heading: "痛风与饮酒", lines: ["痛风患者不建议饮酒，啤酒会升高尿酸，", "并可能诱发痛风急性发作。"] };
const SALT: PageText = { heading: "Salt", lines: ["Eat less than five grams of salt a day to lower blood pressure."], textLayer: true };

const ocr = (overrides: Partial<OcrOptions> = {}): OcrOptions => ({ ...readingLimits().ocr, ...overrides });
let dir: string;
/** A stand-in program (a shell script) for the recognizer, to cross its time and output limits. */
async function program(name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

beforeAll(async () => {
  const missing = await missingOcrPrograms();
  // Never a silent skip: CI installs these (.ci/run); on a workstation, this says what to install.
  if (missing.length > 0) throw new Error(`The OCR tests need ${missing.join(", ")}. Install them (apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng poppler-utils fonts-wqy-microhei).`);
  dir = await mkdtemp(join(tmpdir(), "fenshen-ocr-test-"));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("Tesseract's TSV", () => {
  const row = (level: number, par: number, line: number, word: number, height: number, conf: number, text: string) =>
    [level, 1, 1, par, line, word, 0, 0, 100, height, conf, text].join("\t");
  const header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

  it("joins words into lines (no spaces inside Chinese) and lines into paragraphs, a taller first line a heading, and weighs confidence by length", () => {
    const tsv = [
      header,
      row(5, 1, 1, 1, 37, 90, "Gout"),
      row(5, 1, 1, 2, 39, 90, "today"),
      row(5, 1, 2, 1, 25, 80, "Beer"),
      row(5, 1, 2, 2, 33, 80, "raises"),
      row(5, 1, 2, 3, 18, 80, "uric"),
      row(5, 1, 3, 1, 25, 80, "acid."),
      row(5, 2, 1, 1, 30, 60, "痛风"),
      row(5, 2, 1, 2, 68, 60, "患者"),
      row(5, 2, 1, 3, 30, -1, " "),
      row(5, 2, 1, 4, 9, 60, "，"),
      row(5, 2, 1, 5, 30, 60, "#1"),
    ].join("\n");
    const { paragraphs, confidence } = readTsv(tsv);
    expect(paragraphs).toEqual(["# Gout today", "Beer raises uric acid.", "痛风患者， #1"]);
    // (90×9 + 80×19 + 60×7) / 35
    expect(confidence).toBe(Math.round((90 * 9 + 80 * 19 + 60 * 7) / 35));
    expect(readTsv(header)).toEqual({ paragraphs: [], confidence: null });
  });
});

describe("scanned PDFs", () => {
  it("reads the scanned pages by OCR in English and Chinese, keeps the text layer of the others, and records each scanned page with its confidence", async () => {
    const pdf = await scannedPdf([SALT, GOUT, GOUT_ZH]);
    const parsed = await parsePdf(pdf);
    expect(parsed.ocrPages).toEqual([
      { page: 2, confidence: expect.any(Number) },
      { page: 3, confidence: expect.any(Number) },
    ]);
    for (const page of parsed.ocrPages!) expect(page.confidence).toBeGreaterThan(70);
    const [p1, p2, p3] = parsed.pageBreaks!.map((start, i, all) => parsed.text.slice(start, all[i + 1]));
    expect(p1).toMatch(/^# Salt\n\nEat less than five grams of salt a day/);
    expect(p2).toMatch(/^# Gout and alcohol\n\nAlcohol, beer above all, raises uric acid and can bring on a gout attack\./);
    expect(p3).toMatch(/^# 痛风与饮酒\n\n痛风患者不建议饮酒，啤酒会升高尿酸，并可能诱发痛风急性发作。/);
  }, 60_000);

  it("reads pages whose only text is a stamp the scanner put on every page", async () => {
    const pdf = await scannedPdf([GOUT, GOUT_ZH, { lines: ["Walk briskly for 150 minutes every week."] }], 100, { stamp: "Scanned by the Riverside Hospital records office" });
    const parsed = await parsePdf(pdf, { ...readingLimits(), ocr: ocr({ maxPixels: 2_000_000 }) });
    expect(parsed.ocrPages!.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(parsed.text).toMatch(/raises uric acid/);
  }, 60_000);

  it("refuses a PDF with more scanned pages than OCR reads, before reading any", async () => {
    const pdf = await scannedPdf([GOUT, GOUT_ZH], 50);
    await expect(parsePdf(pdf, { ...readingLimits(), ocr: ocr({ maxPages: 1 }) })).rejects.toThrow(
      "This PDF has more than 1 scanned pages (pages with no text layer); OCR reads at most 1 pages of one document. Split it into smaller PDFs and upload those.",
    );
  }, 30_000);

  it("renders a large page below 300 dpi to stay within the pixel limit, and refuses one too large to read", () => {
    expect(renderDpi(1, 595, 842, 40_000_000)).toBe(300); // A4
    expect(renderDpi(1, 2384, 3370, 40_000_000)).toBe(160); // A0
    expect(() => renderDpi(7, 7200, 7200, 40_000_000)).toThrow("Page 7 of this PDF is 254 × 254 cm, too large to read by OCR");
  });

  it("says OCR is not installed, naming the program and the packages, when pdftoppm or tesseract is missing; a text PDF is read as before", async () => {
    const pdf = await scannedPdf([GOUT]);
    await expect(parsePdf(pdf, { ...readingLimits(), ocr: ocr({ pdftoppm: "/nonexistent/pdftoppm" }) })).rejects.toThrow(
      'This PDF has scanned pages: it needs text recognition (OCR), which is not installed on this server: the program "/nonexistent/pdftoppm" was not found. Ask your administrator to install Debian\'s poppler-utils package (or to set PDFTOPPM_PATH), or upload the original Word or text file.',
    );
    await expect(parsePdf(pdf, { ...readingLimits(), ocr: ocr({ tesseract: "/nonexistent/tesseract" }) })).rejects.toThrow(
      'This PDF has scanned pages: it needs text recognition (OCR), which is not installed on this server: the program "/nonexistent/tesseract" was not found. Ask your administrator to install Debian\'s tesseract-ocr, tesseract-ocr-chi-sim and tesseract-ocr-eng packages (or to set TESSERACT_PATH), or upload the original Word or text file.',
    );
    const text = await scannedPdf([SALT]);
    const parsed = await parsePdf(text, { ...readingLimits(), ocr: ocr({ tesseract: "/nonexistent/tesseract", pdftoppm: "/nonexistent/pdftoppm" }) });
    expect(parsed.text).toMatch(/five grams of salt/);
    expect(parsed.ocrPages).toBeUndefined();
  }, 30_000);

  it("stops a page that passes the page's time limit, and a document that passes the document's, saying which", async () => {
    const pdf = await scannedPdf([GOUT, GOUT_ZH], 50);
    const slow = await program("slow-tesseract", "exec sleep 30");
    await expect(parsePdf(pdf, { ...readingLimits(), ocr: ocr({ tesseract: slow, pageTimeoutMs: 300 }) })).rejects.toThrow(
      "Reading page 1 by OCR took longer than 0.3 s, the limit for one page, so it was stopped. Scan it again at 300 dpi, or upload the original file.",
    );
    await expect(parsePdf(pdf, { ...readingLimits(), ocr: ocr({ tesseract: slow, timeoutMs: 300 }) })).rejects.toThrow(
      "Reading the scanned pages by OCR took longer than 0.3 s, the limit for one document, so it was stopped at page 1 (0 of 2 scanned pages read). Split it into smaller files and upload those.",
    );
  }, 30_000);

  it("stops a recognizer whose output passes its bound", async () => {
    const [png] = await pageImages([GOUT], 50);
    const chatty = await program("chatty-tesseract", "exec yes");
    await expect(recognizeImage(png!, ocr({ tesseract: chatty }))).rejects.toThrow("OCR of the image produced far more text than a page holds, so it was stopped.");
  }, 30_000);

  it("says which language data is missing when Tesseract cannot load Chinese and English", async () => {
    const [png] = await pageImages([GOUT], 50);
    const before = process.env.TESSDATA_PREFIX;
    process.env.TESSDATA_PREFIX = dir;
    try {
      await expect(recognizeImage(png!, ocr())).rejects.toThrow(
        "This image needs text recognition (OCR) in Chinese and English, but this server's Tesseract lacks the language data (chi_sim+eng). Ask your administrator to install Debian's tesseract-ocr-chi-sim and tesseract-ocr-eng packages.",
      );
    } finally {
      if (before === undefined) delete process.env.TESSDATA_PREFIX;
      else process.env.TESSDATA_PREFIX = before;
    }
  }, 30_000);
});

describe("page images", () => {
  it("reads a PNG of a page in English and Chinese and records it as OCR'd with its confidence", async () => {
    const [png] = await pageImages([{ heading: "Exercise 运动", lines: ["Walk briskly for 150 minutes every week.", "每周快走一百五十分钟，有助于降低血压。"] }]);
    await checkDocument(png!, "image");
    const parsed = await parseDocument(png!, "image");
    expect(parsed.text).toMatch(/Walk briskly for 150 minutes every week\./);
    expect(parsed.text).toMatch(/每周快走一百五十分钟，有助于降低血压。/);
    expect(parsed.ocrPages).toEqual([{ page: 1, confidence: expect.any(Number) }]);
    expect(parsed.ocrPages![0]!.confidence).toBeGreaterThan(70);
  }, 30_000);

  it("refuses, at upload, a file that is no PNG or JPEG, a damaged one, and one over the pixel limit, by name", async () => {
    await expect(checkDocument(new TextEncoder().encode("just text"), "image")).rejects.toThrow("This file is not a PNG or JPEG image");
    await expect(checkDocument(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "image")).rejects.toThrow("This image could not be read: it looks damaged");
    // A PNG header declaring 20,000 × 20,000 pixels, and a JPEG one declaring 10,000 × 5,000.
    const png = new Uint8Array(33);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 20_000);
    new DataView(png.buffer).setUint32(20, 20_000);
    await expect(checkDocument(png, "image")).rejects.toThrow(
      "This image is 20000 × 20000 pixels (400 million); OCR reads images of at most 40 million pixels. Scale it down (a page at 300 dpi is about 9 million) and upload that.",
    );
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0x13, 0x88, 0x27, 0x10, 1, 0, 0, 0]);
    expect(checkImage(jpeg, 1e9)).toEqual({ type: "jpg", width: 10_000, height: 5_000 });
    expect(() => checkImage(jpeg, 40_000_000)).toThrow("This image is 10000 × 5000 pixels (50 million)");
  });

  it("refuses an image in which OCR finds no text", async () => {
    const [blank] = await pageImages([{ lines: [] }], 50);
    await expect(parseDocument(blank!, "image")).rejects.toThrow("Text recognition (OCR) found no text in this image.");
  }, 30_000);
});

/**
 * Scanned documents made in code, for the OCR tests: pages of English and Chinese text are set in a
 * text PDF (pdfkit, with the CJK font), rendered to images by pdftoppm, and the images wrapped in a
 * PDF with no text layer, as a scanner makes them. Needs poppler-utils and fonts-wqy-microhei (.ci/run).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import PDFDocument from "pdfkit";
import { CJK_FONT } from "@/server/patient/export";

export interface PageText {
  heading?: string;
  lines: string[];
  /** A page with a real text layer instead of a scan (for a PDF that mixes both). */
  textLayer?: boolean;
}

const PAGE = { size: "A5", margin: 40 } as const;

/** Which of the programs OCR and these fixtures need are missing, for a test's clear message. */
export async function missingOcrPrograms(): Promise<string[]> {
  const missing: string[] = [];
  for (const [program, pkg] of [
    ["tesseract", "tesseract-ocr"],
    ["pdftoppm", "poppler-utils"],
  ]) {
    await promisify(execFile)(program!, ["-v"]).catch(() => missing.push(`${program} (Debian package ${pkg})`));
  }
  if (!existsSync(CJK_FONT.path)) missing.push(`${CJK_FONT.path} (Debian package fonts-wqy-microhei)`);
  return missing;
}

function pdfOf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  const doc = new PDFDocument({ ...PAGE, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  draw(doc);
  doc.end();
  return done;
}

function setText(doc: PDFKit.PDFDocument, page: PageText): void {
  doc.addPage(PAGE);
  doc.font(CJK_FONT.path, CJK_FONT.family);
  if (page.heading) doc.fontSize(18).text(page.heading).moveDown(0.5);
  for (const line of page.lines) doc.fontSize(12).text(line).moveDown(0.3);
}

/** PNG images of the pages at `dpi`, rendered from a text PDF of them. */
export async function pageImages(pages: PageText[], dpi = 200): Promise<Uint8Array[]> {
  const pdf = await pdfOf((doc) => pages.forEach((page) => setText(doc, page)));
  const dir = await mkdtemp(join(tmpdir(), "fenshen-scan-"));
  try {
    await writeFile(join(dir, "text.pdf"), pdf);
    const images: Uint8Array[] = [];
    for (let n = 1; n <= pages.length; n += 1) {
      await promisify(execFile)("pdftoppm", ["-r", String(dpi), "-f", String(n), "-l", String(n), "-png", "-singlefile", join(dir, "text.pdf"), join(dir, "page")]);
      images.push(new Uint8Array(await readFile(join(dir, "page.png"))));
    }
    return images;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A PDF of the pages: each a scanned image with no text layer, unless it asks for a text layer. `stamp`
 * adds a line of real text at the foot of every scanned page, as some scanners do.
 */
export async function scannedPdf(pages: PageText[], dpi = 200, opts: { stamp?: string } = {}): Promise<Uint8Array> {
  const images = await pageImages(pages, dpi);
  return pdfOf((doc) =>
    pages.forEach((page, i) => {
      if (page.textLayer) return setText(doc, page);
      doc.addPage({ size: PAGE.size, margin: 0 });
      doc.image(Buffer.from(images[i]!), 0, 0, { width: doc.page.width, height: doc.page.height });
      if (opts.stamp) doc.font("Helvetica").fontSize(7).text(opts.stamp, 20, doc.page.height - 20, { lineBreak: false });
    }),
  );
}

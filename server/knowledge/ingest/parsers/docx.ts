import { zipSync } from "fflate";
import mammoth from "mammoth";
import { ingestLimits } from "@/server/knowledge/limits";
import { AppError } from "@/server/lib/errors";
import { tooMuchText } from "./budget";
import { htmlToText } from "./html";
import type { ParsedDocument } from "./types";
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipContract, type ZipLimits, unzipEntries } from "./zip";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const DOCX: ZipContract = {
  kind: "Word document (.docx)",
  required: ["word/document.xml"],
  notKindMessage: "This file is a zip archive but not a Word document (.docx): it has no document body. If it is an Excel file, give it the .xlsx extension.",
};

/** The parts mammoth reads: the document's XML, styles, numbering and their relationships (no media). */
const wantedPart = (name: string) => name === "[Content_Types].xml" || name === "_rels/.rels" || (name.startsWith("word/") && /\.(xml|rels)$/.test(name));

/** Quick structural checks, run at upload: a zip, not a bomb, with a document body. */
export function checkDocx(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new AppError("bad_request", "This is an older Word file (.doc) or a password-protected one. Save it as .docx without a password and upload that.");
  }
  checkZip(bytes, DOCX, limits);
}

/**
 * DOCX through mammoth, as Markdown-ish text with its headings (Word's Heading styles) kept. The zip is
 * checked and inflated under limits first; mammoth then reads a rebuilt archive of just those parts,
 * so it never inflates anything unchecked.
 */
export async function parseDocx(bytes: Uint8Array, maxChars = ingestLimits().maxTextChars, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ParsedDocument> {
  checkDocx(bytes, limits);
  const parts = unzipEntries(bytes, { ...DOCX, wanted: wantedPart }, limits);
  const rebuilt = zipSync(Object.fromEntries(parts), { level: 0 });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(rebuilt) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: "" })), externalFileAccess: false },
    );
    html = result.value;
  } catch {
    throw new AppError("bad_request", "This Word document could not be read; it may be damaged. Open it in Word, save it again, and upload the new file.");
  }
  // mammoth reads the body whole (the ingestion worker's memory limit bounds that); its HTML is at least as long as the text.
  if (html.length > maxChars * 2) throw tooMuchText("Word document", maxChars);
  const text = htmlToText(html);
  if (text.length > maxChars) throw tooMuchText("Word document", maxChars);
  if (!text.trim()) throw new AppError("bad_request", "This Word document has no text to index.");
  return { text, structure: "markdown" };
}

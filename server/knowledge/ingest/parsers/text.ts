import { AppError } from "@/server/lib/errors";
import type { ParsedDocument } from "./types";

const PDF_MAGIC = "%PDF-";
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function startsWithZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** %PDF- within the first KB (readers tolerate a little junk before the header). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes(PDF_MAGIC);
}

/** A file whose content is of another known kind than its name says gets told so, not "binary". */
function assertNotMislabelled(bytes: Uint8Array, kind: string): void {
  if (looksLikePdf(bytes) && bytes[0] === 0x25) {
    throw new AppError("bad_request", `This file is a PDF, but its name says ${kind}. Rename it to end in .pdf and upload it again.`);
  }
  if (startsWithZip(bytes)) {
    throw new AppError(
      "bad_request",
      `This file is a zip archive (a Word .docx or Excel .xlsx file, perhaps), but its name says ${kind}. Give it its real extension and upload it again.`,
    );
  }
}

const CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/;

/**
 * Decodes a text upload: UTF-8 (with or without a BOM), else GB18030 (which covers GBK and GB2312,
 * what Chinese Windows and Excel save by default). Binary content is refused instead of indexed.
 */
export function decodeText(bytes: Uint8Array, kind = "text"): string {
  assertNotMislabelled(bytes, kind);
  let text: string | null = null;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      const gb = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
      if (!CONTROL.test(gb)) text = gb;
    } catch {
      // neither
    }
  }
  if (text === null) throw new AppError("bad_request", "The file is not UTF-8 text. Save it as UTF-8 and upload it again.");
  if (text.includes("\u0000")) throw new AppError("bad_request", "The file looks binary, not text.");
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim().length === 0) throw new AppError("bad_request", "The file is empty: there is no text to index.");
  return text;
}

/** Plain text: blank lines separate paragraphs; the chunker guesses short title lines as headings. */
export function parsePlainText(bytes: Uint8Array): ParsedDocument {
  return { text: decodeText(bytes, "plain text"), structure: "text" };
}

/**
 * A photo or scan of a page (PNG or JPEG), read by OCR (../ocr.ts). The upload check reads only the
 * image's header: its type by its bytes and its size in pixels, refused above the OCR pixel limit.
 */
import { type ReadingLimits, readingLimits } from "@/server/knowledge/limits";
import { AppError } from "@/server/lib/errors";
import { recognizeImage } from "../ocr";
import type { ParsedDocument } from "./types";

const NOT_IMAGE = "This file is not a PNG or JPEG image (its content does not start like one). Check that you chose the right file, or give it its real extension.";
const DAMAGED = "This image could not be read: it looks damaged or incomplete. Save it again as PNG or JPEG and upload that.";

interface ImageHeader {
  type: "png" | "jpg";
  width: number;
  height: number;
}

/** Start-of-frame markers, which carry a JPEG's size (C4, C8 and CC are other segments). */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | null {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    // Fill bytes, and markers without a length (restart markers, start of image).
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd8) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (isStartOfFrame(marker)) return at + 9 <= bytes.length ? { height: view.getUint16(at + 5), width: view.getUint16(at + 7) } : null;
    at += 2 + length;
  }
  return null;
}

/** The image's type (by its bytes, not its name) and its size in pixels. */
export function imageHeader(bytes: Uint8Array): ImageHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    if (bytes.length < 24 || new TextDecoder("latin1").decode(bytes.subarray(12, 16)) !== "IHDR") throw new AppError("bad_request", DAMAGED);
    return { type: "png", width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (starts([0xff, 0xd8, 0xff])) {
    const size = jpegSize(bytes, view);
    if (!size) throw new AppError("bad_request", DAMAGED);
    return { type: "jpg", ...size };
  }
  throw new AppError("bad_request", NOT_IMAGE);
}

/** Quick checks, run at upload: a PNG or JPEG, not empty, within the OCR pixel limit. */
export function checkImage(bytes: Uint8Array, maxPixels: number): ImageHeader {
  const header = imageHeader(bytes);
  if (header.width < 1 || header.height < 1) throw new AppError("bad_request", DAMAGED);
  const pixels = header.width * header.height;
  if (pixels > maxPixels) {
    throw new AppError(
      "bad_request",
      `This image is ${header.width} × ${header.height} pixels (${(pixels / 1e6).toFixed(0)} million); OCR reads images of at most ${(maxPixels / 1e6).toFixed(0)} million pixels. Scale it down (a page at 300 dpi is about 9 million) and upload that.`,
    );
  }
  return header;
}

export async function parseImage(bytes: Uint8Array, limits: Pick<ReadingLimits, "ocr"> = readingLimits()): Promise<ParsedDocument> {
  checkImage(bytes, limits.ocr.maxPixels);
  const { paragraphs, confidence } = await recognizeImage(bytes, limits.ocr);
  if (paragraphs.length === 0) {
    throw new AppError("bad_request", "Text recognition (OCR) found no text in this image. If it is a photo of a page, take it again (flat, upright, in focus, well lit) or upload the original file.");
  }
  return { text: paragraphs.join("\n\n"), structure: "markdown", ocrPages: [{ page: 1, confidence }] };
}

import { AppError } from "@/server/lib/errors";

export type DocumentFormat = "markdown" | "text";

export interface ParsedDocument {
  format: DocumentFormat;
  text: string;
}

const FORMAT_BY_EXTENSION: Record<string, DocumentFormat> = {
  md: "markdown",
  markdown: "markdown",
  txt: "text",
  text: "text",
};

export const ACCEPTED_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION).map((e) => `.${e}`);

/** The format a file name declares, or a clear error naming what is accepted. */
export function formatFromFilename(filename: string): DocumentFormat {
  const ext = filename.toLowerCase().split(".").pop() ?? "";
  const format = FORMAT_BY_EXTENSION[ext];
  if (!format || !filename.includes(".")) {
    throw new AppError("bad_request", `"${filename}" is not a supported file type. Upload ${ACCEPTED_EXTENSIONS.join(", ")} files or paste text.`);
  }
  return format;
}

/** Decodes an upload into text; rejects binary or non-UTF-8 content instead of indexing garbage. */
export function parseDocument(bytes: Uint8Array, format: DocumentFormat): ParsedDocument {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "The file is not UTF-8 text. Save it as UTF-8 and upload it again.");
  }
  if (text.includes("\u0000")) throw new AppError("bad_request", "The file looks binary, not text.");
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim().length === 0) throw new AppError("bad_request", "The file is empty: there is no text to index.");
  return { format, text };
}

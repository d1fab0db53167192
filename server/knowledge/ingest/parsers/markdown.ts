import type { ParsedDocument } from "./types";
import { decodeText } from "./text";

/** Markdown is indexed as written: the chunker reads its headings, lists, tables and code blocks. */
export function parseMarkdown(bytes: Uint8Array): ParsedDocument {
  return { text: decodeText(bytes, "Markdown"), structure: "markdown" };
}

import { HAN_CLASS } from "@/server/knowledge/text/language";

export const HAN_END = new RegExp(`[${HAN_CLASS}，。！？；：、（）「」]$`);
export const HAN_START = new RegExp(`^[${HAN_CLASS}，。！？；：、（）「」]`);

/** Joins a paragraph's lines (of a PDF page, of OCR): no space between Chinese characters, hyphenated words mended. */
export function joinLines(a: string, b: string): string {
  if (/[a-z]-$/.test(a) && /^[a-z]/.test(b)) return a.slice(0, -1) + b;
  if (HAN_END.test(a) && HAN_START.test(b)) return a + b;
  return `${a} ${b}`;
}

/** Text that would read as Markdown structure (a "#" or "|" line, a code fence) is text here. */
export const asText = (paragraph: string) => paragraph.replace(/^(?=[#|`~>])/, "\u200b");

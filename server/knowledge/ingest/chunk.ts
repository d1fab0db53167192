/**
 * Structure-aware chunking. A document becomes sections (one per heading), a section becomes blocks
 * (paragraphs, list items, tables, code), and blocks are packed into chunks that never cross a
 * heading, never cut a block when it fits, and otherwise cut at sentence ends. Each chunk keeps the
 * exact source span it was taken from, so citations and span-scored benchmarks map back to the file.
 */
import { HAN_WEIGHT, isHan, splitSentences, weightedLength } from "@/server/knowledge/text/language";

export interface Chunk {
  ordinal: number;
  /** The source span with whitespace tidied: lines trimmed, runs of spaces and blank lines collapsed. */
  content: string;
  /** Titles of the enclosing headings, outermost first. */
  headingPath: string[];
  charStart: number;
  charEnd: number;
  /** 1-based page of charStart when pageBreaks were given. */
  page: number | null;
}

export interface ChunkOptions {
  format: "markdown" | "text";
  /** Budget per chunk in Latin-character equivalents (Han characters count HAN_WEIGHT; see weightedLength). */
  maxChars?: number;
  /** How much of the previous chunk's trailing sentences to repeat, same unit. */
  overlapChars?: number;
  /** Character offsets where pages start (from a PDF parser). */
  pageBreaks?: number[];
}

export const DEFAULT_MAX_CHARS = 700;
export const DEFAULT_OVERLAP_CHARS = 100;

/** weights[i] = budget size of text.slice(0, i) (see weightedLength), so a span's size is a subtraction. */
function budgetPrefix(text: string): Float64Array {
  const weights = new Float64Array(text.length + 1);
  let previousSpace = true;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    const space = /\s/.test(char);
    const weight = space ? (previousSpace ? 0 : 1) : isHan(char) ? HAN_WEIGHT : 1;
    weights[i + 1] = weights[i]! + weight;
    previousSpace = space;
  }
  return weights;
}

type BlockKind = "prose" | "lines";

/** A piece of a block no bigger than the budget: a sentence, or a fragment of an over-long one. */
interface Atom {
  start: number;
  end: number;
}

interface Block {
  start: number;
  end: number;
  /** "lines" (tables, code) split at newlines only; "prose" at sentence ends. */
  kind: BlockKind;
}

interface Section {
  headingPath: string[];
  blocks: Block[];
}

interface Line {
  text: string;
  start: number;
  end: number;
}

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split("\n")) {
    lines.push({ text: raw.replace(/\r$/, ""), start, end: start + raw.replace(/\r$/, "").length });
    start += raw.length + 1;
  }
  return lines;
}

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-{2,})[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^[ \t]*(?:[-*+•·]|\d{1,3}[.)、]|[a-z][.)]|[（(]\d{1,3}[)）])[ \t]+\S/;
const TABLE_ROW = /^[ \t]*\|/;
const BLANK = /^\s*$/;
const HEADING_MARKUP = /[*_`]+/g;

/** Gathers blocks line by line; a heading closes the section and opens the next. */
class SectionBuilder {
  readonly sections: Section[] = [{ headingPath: [], blocks: [] }];
  private stack: { level: number; title: string }[] = [];
  private open: Block | null = null;

  heading(level: number, title: string): void {
    this.close();
    const clean = title.replace(HEADING_MARKUP, "").trim();
    if (!clean) return;
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level >= level) this.stack.pop();
    this.stack.push({ level, title: clean });
    this.sections.push({ headingPath: this.stack.map((h) => h.title), blocks: [] });
  }

  /** Adds a line to the open block, or opens one. */
  line(line: Line, kind: BlockKind, startsBlock: boolean): void {
    if (this.open && (startsBlock || this.open.kind !== kind)) this.close();
    if (this.open) this.open.end = line.end;
    else this.open = { start: line.start + leadingSpace(line.text), end: line.end, kind };
  }

  close(): void {
    if (this.open) this.sections[this.sections.length - 1]!.blocks.push(this.open);
    this.open = null;
  }
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

function parseMarkdown(text: string): Section[] {
  const lines = toLines(text);
  const builder = new SectionBuilder();
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (BLANK.test(line.text)) {
      builder.close();
      continue;
    }
    const fence = line.text.match(FENCE)?.[1];
    if (fence) {
      builder.close();
      let j = i + 1;
      while (j < lines.length && !lines[j]!.text.trimStart().startsWith(fence)) j += 1;
      const last = Math.min(j, lines.length - 1);
      builder.line({ ...line, end: lines[last]!.end }, "lines", true);
      builder.close();
      i = last;
      continue;
    }
    const atx = line.text.match(ATX_HEADING);
    if (atx) {
      builder.heading(atx[1]!.length, atx[2]!);
      continue;
    }
    const next = lines[i + 1]?.text ?? "";
    const paragraphStart = i === 0 || BLANK.test(lines[i - 1]!.text);
    if (paragraphStart && SETEXT_UNDERLINE.test(next) && !LIST_ITEM.test(line.text)) {
      builder.heading(next.trim().startsWith("=") ? 1 : 2, line.text.trim());
      i += 1;
      continue;
    }
    if (THEMATIC_BREAK.test(line.text)) {
      builder.close();
      continue;
    }
    if (TABLE_ROW.test(line.text)) builder.line(line, "lines", false);
    else builder.line(line, "prose", LIST_ITEM.test(line.text));
  }
  builder.close();
  return builder.sections;
}

const SENTENCE_END = /[.!?。！？；;:：,，、…]$/;
const HEADING_MAX_BUDGET = 60;

/**
 * Plain text: blocks are separated by blank lines. A block is taken for a heading only when it is a
 * single short line without closing punctuation, followed by a longer prose block.
 */
function parseText(text: string): Section[] {
  const lines = toLines(text);
  const builder = new SectionBuilder();
  const paragraphs: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (BLANK.test(line.text)) {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) paragraphs.push(current);

  paragraphs.forEach((paragraph, index) => {
    const next = paragraphs[index + 1];
    if (next && looksLikeHeading(paragraph, next)) {
      builder.heading(1, paragraph[0]!.text.trim());
      return;
    }
    for (const line of paragraph) builder.line(line, "prose", LIST_ITEM.test(line.text));
    builder.close();
  });
  return builder.sections;
}

function looksLikeHeading(paragraph: Line[], next: Line[]): boolean {
  const line = paragraph[0]!.text.trim();
  if (paragraph.length !== 1 || LIST_ITEM.test(line) || SENTENCE_END.test(line)) return false;
  if (weightedLength(line) > HEADING_MAX_BUDGET || !/[\p{L}]/u.test(line)) return false;
  const nextText = next.map((l) => l.text).join(" ").trim();
  return weightedLength(nextText) > 2 * weightedLength(line) && SENTENCE_END.test(nextText.replace(/["'”’)）]+$/, ""));
}

const CLAUSE_END = /[,，、;；:：)）]/;

/**
 * Cuts a sentence that alone exceeds the budget: at the last clause mark that fits, else the last
 * whitespace, else (unbroken Chinese or a long token) exactly at the budget.
 */
function splitLongSentence(text: string, start: number, end: number, max: number, weights: Float64Array): Atom[] {
  const pieces: Atom[] = [];
  let from = start;
  while (weights[end]! - weights[from]! > max) {
    let limit = from + 1;
    while (limit < end && weights[limit + 1]! - weights[from]! <= max) limit += 1;
    let cut = -1;
    // A clause mark in the first half would leave a stub; then a space near the limit is better.
    const half = from + (limit - from) / 2;
    for (let i = limit - 1; i > half && cut < 0; i -= 1) if (CLAUSE_END.test(text[i]!)) cut = i + 1;
    for (let i = limit; i > from && cut < 0; i -= 1) if (/\s/.test(text[i]!) && !/\s/.test(text[i - 1]!)) cut = i;
    if (cut < 0) cut = limit;
    pieces.push({ start: from, end: trimEnd(text, from, cut) });
    from = skipSpace(text, cut, end);
  }
  if (from < end) pieces.push({ start: from, end });
  return pieces;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e -= 1;
  return e;
}

function skipSpace(text: string, from: number, end: number): number {
  let s = from;
  while (s < end && /\s/.test(text[s]!)) s += 1;
  return s;
}

function atomsOf(text: string, block: Block, max: number, weights: Float64Array): Atom[] {
  const source = text.slice(block.start, block.end);
  // Prose wrapped across lines is one paragraph: unwrap it (same length, so offsets hold).
  const unwrapped = block.kind === "prose" ? source.replace(/\n/g, " ") : source;
  const atoms: Atom[] = [];
  for (const sentence of splitSentences(unwrapped)) {
    const start = block.start + sentence.start;
    const end = block.start + sentence.end;
    atoms.push(...splitLongSentence(text, start, end, max, weights));
  }
  return atoms;
}

/** Packs one section's blocks into chunk spans (arrays of atoms). */
function packSection(text: string, blocks: Block[], max: number, overlap: number, weights: Float64Array): Atom[][] {
  const span = (first: Atom, last: Atom): number => weights[last.end]! - weights[first.start]!;
  const chunks: Atom[][] = [];
  let current: Atom[] = [];
  /** Whether current, extended to the end of `last`, stays within budget. */
  const fits = (last: Atom, first: Atom = last): boolean => span(current[0] ?? first, last) <= max;

  const flush = (): void => {
    chunks.push(current);
    // Carry the last sentences forward as context, but never the whole chunk.
    const last = current[current.length - 1]!;
    let from = current.length;
    while (from > 1 && span(current[from - 1]!, last) <= overlap) from -= 1;
    current = current.slice(from);
  };

  for (const block of blocks) {
    const atoms = atomsOf(text, block, max, weights);
    const first = atoms[0];
    const last = atoms[atoms.length - 1];
    if (!first || !last) continue;
    // A block that fits a chunk of its own starts one rather than being cut.
    if (current.length > 0 && !fits(last, first) && span(first, last) <= max) {
      flush();
      while (current.length > 0 && !fits(last)) current.shift();
    }
    for (const atom of atoms) {
      if (current.length > 0 && !fits(atom)) {
        flush();
        while (current.length > 0 && !fits(atom)) current.shift();
      }
      current.push(atom);
    }
  }
  // What is left is a chunk unless it is only the overlap carried from the previous one.
  const previous = chunks[chunks.length - 1];
  if (current.length > 0 && !(previous && current.every((atom) => previous.includes(atom)))) chunks.push(current);
  return chunks;
}

/** Lines trimmed, inner runs of spaces collapsed, at most one blank line in a row. */
function tidy(span: string): string {
  return span
    .split("\n")
    .map((line) => line.trim().replace(/[ \t\f\v\u00a0\u3000]+/g, " "))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}

/** How many of the ascending values are at most x (binary search: a long PDF has a break per page). */
function countAtMost(ascending: readonly number[], x: number): number {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ascending[mid]! <= x) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** 1 + the page breaks in (0, offset]. */
function pageOf(offset: number, pageBreaks: readonly number[] | undefined): number | null {
  if (!pageBreaks) return null;
  return 1 + countAtMost(pageBreaks, offset) - countAtMost(pageBreaks, 0);
}

export function chunkDocument(text: string, opts: ChunkOptions): Chunk[] {
  if (text.trim() === "") return [];
  const max = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const overlap = opts.overlapChars ?? DEFAULT_OVERLAP_CHARS;
  const weights = budgetPrefix(text);
  const sections = opts.format === "markdown" ? parseMarkdown(text) : parseText(text);
  const chunks: Chunk[] = [];
  for (const section of sections) {
    for (const atoms of packSection(text, section.blocks, max, overlap, weights)) {
      const charStart = atoms[0]!.start;
      const charEnd = atoms[atoms.length - 1]!.end;
      chunks.push({
        ordinal: chunks.length,
        content: tidy(text.slice(charStart, charEnd)),
        headingPath: section.headingPath,
        charStart,
        charEnd,
        page: pageOf(charStart, opts.pageBreaks),
      });
    }
  }
  return chunks;
}

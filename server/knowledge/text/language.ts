/** Language detection and sentence splitting for Chinese and English text. */

export type Language = "zh" | "en";

export interface SentenceSpan {
  text: string;
  /** Index of the first character in the original string. */
  start: number;
  /** Index after the last character (exclusive). */
  end: number;
}

/** Han ideographs (CJK Unified, Extension A, Compatibility). */
export const HAN_CLASS = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
const HAN = new RegExp(`[${HAN_CLASS}]`);
const HAN_GLOBAL = new RegExp(`[${HAN_CLASS}]`, "g");
const LATIN_LETTERS = /[A-Za-z\u00c0-\u024f]/g;

/**
 * A text counts as Chinese once Han characters are at least 30% of its letters: "幽门螺杆菌HP阳性" is
 * Chinese; an English sentence quoting one Chinese term is not.
 */
const ZH_SHARE = 0.3;

export function isHan(char: string): boolean {
  return HAN.test(char);
}

/**
 * How many Latin characters one Han character is worth when sizing text. English translated into
 * Chinese shrinks to about a third of its characters, and a Han character costs about one model
 * token; 2.5 keeps Chinese chunks (about 280 characters) about as informative as English ones.
 */
export const HAN_WEIGHT = 2.5;

/** Length in Latin-character equivalents: Han characters count HAN_WEIGHT, whitespace runs count 1. */
export function weightedLength(text: string): number {
  let length = 0;
  let previousSpace = true;
  for (const char of text) {
    const space = WHITESPACE.test(char);
    length += space ? (previousSpace ? 0 : 1) : isHan(char) ? HAN_WEIGHT : 1;
    previousSpace = space;
  }
  return length;
}

/** "zh" when the text is mostly Chinese, otherwise "en" (also for text without letters). */
export function detectLanguage(text: string): Language {
  const han = text.match(HAN_GLOBAL)?.length ?? 0;
  if (han === 0) return "en";
  const latin = text.match(LATIN_LETTERS)?.length ?? 0;
  return han / (han + latin) >= ZH_SHARE ? "zh" : "en";
}

// Chinese sentence ends; '；' ends a clause that reads as a sentence of its own.
const ZH_ENDERS = new Set(["。", "！", "？", "；", "…", "!", "?"]);
// Quotes and brackets that belong to the sentence they close.
const CLOSERS = new Set(['"', "'", "”", "’", "」", "』", "）", ")", "]", "】", "》", "*", "_"]);
const WHITESPACE = /\s/;
const UPPER = /[A-Z]/;
const LOWER = /[a-z]/;
const DIGIT = /[0-9]/;
const WORD_BEFORE_DOT = /([A-Za-z][A-Za-z.]*)$/;
const LINE_INDENT = /[ \t]/;

/** Words whose trailing dot never ends a sentence: titles and Latin abbreviations. */
const NEVER_FINAL = new Set([
  "dr", "mr", "mrs", "ms", "prof", "st", "sr", "jr", "gen", "rev", "fig", "figs", "no", "nos", "vol",
  "e.g", "i.e", "cf", "vs", "viz", "approx", "ca", "incl", "esp", "dept", "tab", "eq", "ref", "refs",
]);
/** Abbreviations that may also close a sentence: they end one only before a capital letter. */
const MAYBE_FINAL = new Set(["etc", "al", "min", "max", "wk", "wks", "yr", "yrs", "hr", "hrs"]);

/**
 * Splits text into sentences. Newlines are hard breaks; Chinese ends (。！？；…) always end a sentence;
 * English '.', '!' and '?' end one before whitespace, except after abbreviations and list numbers and
 * before a lowercase word. Single capitals are not taken for initials: "vitamin K." ends a sentence.
 * Offsets index the original string; spans exclude surrounding whitespace.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const breakAt = sentenceEndAfter(text, i);
    if (breakAt === null) {
      i += 1;
      continue;
    }
    pushTrimmed(text, start, breakAt, sentences);
    start = breakAt;
    i = Math.max(breakAt, i + 1);
  }
  pushTrimmed(text, start, text.length, sentences);
  return sentences;
}

/** If a sentence ends at position i, returns the index just past its end (closers included). */
function sentenceEndAfter(text: string, i: number): number | null {
  const char = text[i]!;
  if (char === "\n") return i + 1;
  if (ZH_ENDERS.has(char)) {
    let j = skipWhile(text, i + 1, (c) => ZH_ENDERS.has(c));
    j = skipWhile(text, j, (c) => CLOSERS.has(c));
    const next = text[j];
    // ASCII '!'/'?' inside Latin text ("Hello!Yes" or a URL) only ends a sentence before a break.
    if ((char === "!" || char === "?") && next !== undefined && !WHITESPACE.test(next) && !isHan(next)) {
      return isHan(text[i - 1] ?? "") ? j : null;
    }
    return j;
  }
  if (char === ".") return englishDotEnd(text, i);
  return null;
}

function englishDotEnd(text: string, i: number): number | null {
  const prev = text[i - 1] ?? "";
  let j = skipWhile(text, i + 1, (c) => c === ".");
  if (j === i + 1 && DIGIT.test(text[j] ?? "")) return null; // 3.5, .5
  j = skipWhile(text, j, (c) => CLOSERS.has(c));
  const next = text[j];
  if (next === undefined) return j;
  if (!WHITESPACE.test(next)) {
    // Chinese written with ASCII periods, or a missing space: "discomfort.Most people".
    if (isHan(next) && isHan(prev)) return j;
    const glued = LOWER.test(prev) && UPPER.test(next) && LOWER.test(text[j + 1] ?? "");
    return glued && !isAbbreviation(text, i) ? j : null;
  }
  const following = text[skipWhile(text, j, (c) => WHITESPACE.test(c))] ?? "";
  if (LOWER.test(following)) return null;
  if (j > i + 1) return j; // an ellipsis or a closer followed by whitespace
  if (opensWithListNumber(text, i)) return null; // "2. Rest well."
  const word = text.slice(Math.max(0, i - 20), i).match(WORD_BEFORE_DOT)?.[1] ?? "";
  const lower = word.toLowerCase();
  if (NEVER_FINAL.has(lower)) return null;
  if (word.includes(".")) return null; // U.S., a.m.
  if (MAYBE_FINAL.has(lower)) return UPPER.test(following) ? j : null;
  return j;
}

/**
 * Whether the line before `dot` is only an indent and a number of 1 to 3 digits. It looks back only over
 * those characters: reading back to the line start made one long unwrapped paragraph quadratic.
 */
function opensWithListNumber(text: string, dot: number): boolean {
  let j = dot;
  while (j > 0 && DIGIT.test(text[j - 1]!)) {
    j -= 1;
    if (dot - j > 3) return false;
  }
  if (j === dot) return false;
  while (j > 0 && LINE_INDENT.test(text[j - 1]!)) j -= 1;
  return j === 0 || text[j - 1] === "\n";
}

function isAbbreviation(text: string, dot: number): boolean {
  const word = text.slice(Math.max(0, dot - 20), dot).match(WORD_BEFORE_DOT)?.[1]?.toLowerCase() ?? "";
  return NEVER_FINAL.has(word) || MAYBE_FINAL.has(word) || word.includes(".");
}

function skipWhile(text: string, from: number, test: (c: string) => boolean): number {
  let j = from;
  while (j < text.length && test(text[j]!)) j += 1;
  return j;
}

function pushTrimmed(text: string, start: number, end: number, into: SentenceSpan[]): void {
  let s = start;
  let e = end;
  while (s < e && WHITESPACE.test(text[s]!)) s += 1;
  while (e > s && WHITESPACE.test(text[e - 1]!)) e -= 1;
  if (e > s) into.push({ text: text.slice(s, e), start: s, end: e });
}

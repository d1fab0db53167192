/**
 * Keyword tokens for full-text search on both engines: the app tokenizes, Postgres indexes the tokens
 * with to_tsvector('simple', tokens.join(" ")). English words are stemmed and stopwords dropped;
 * Chinese, which has no spaces, becomes character bigrams. Tokens consist of [a-z0-9] or of Han
 * characters only, so they are safe inside a tsvector or tsquery without quoting.
 */
import { HAN_CLASS } from "./language";
import { porterStem } from "./stem";
import { CHINESE_STOP_CHARS, CHINESE_STOP_SINGLES, CHINESE_STOP_WORDS, CHINESE_WORD_SINGLES, ENGLISH_STOPWORDS } from "./stopwords";

export interface LatinWord {
  kind: "latin";
  /** Lowercased, diacritics and apostrophes removed. */
  word: string;
  /** Porter stem for letter-only words; the word itself when it has digits. */
  stem: string;
  stop: boolean;
}

export interface HanRun {
  kind: "han";
  text: string;
}

export type TextSegment = LatinWord | HanRun;

const SEGMENT = new RegExp(`[a-z0-9]+(?:['’][a-z0-9]+)*|[${HAN_CLASS}]+`, "g");
const POSSESSIVE = /['’]s$/;
const APOSTROPHES = /['’]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LETTERS_ONLY = /^[a-z]+$/;
const MAX_TOKEN_LENGTH = 40; // longer runs are identifiers or URLs, not words
const GREEK: Readonly<Record<string, string>> = { α: " alpha ", β: " beta ", γ: " gamma ", δ: " delta ", κ: " kappa " };
const GREEK_LETTERS = new RegExp(`[${Object.keys(GREEK).join("")}]`, "g");
const MAX_STOP_WORD_LENGTH = Math.max(...[...CHINESE_STOP_WORDS].map((w) => w.length));

// Stemming dominates tokenizing cost; vocabularies are small, so memoize (bounded for long-lived servers).
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

function stemOf(word: string): string {
  let stem = STEM_CACHE.get(word);
  if (stem === undefined) {
    stem = LETTERS_ONLY.test(word) ? porterStem(word) : word;
    if (STEM_CACHE.size >= STEM_CACHE_LIMIT) STEM_CACHE.clear();
    STEM_CACHE.set(word, stem);
  }
  return stem;
}

/** Full-width forms folded (NFKC), lowercased, accents stripped, Greek letters spelled out. */
function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(GREEK_LETTERS, (c) => GREEK[c] ?? c)
    .normalize("NFD")
    .replace(COMBINING_MARKS, "");
}

/** The text as a sequence of Latin words and Han runs; everything else separates them. */
export function segmentText(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  for (const match of normalize(text).matchAll(SEGMENT)) {
    const raw = match[0];
    if (raw.charCodeAt(0) >= 0x3400) {
      segments.push({ kind: "han", text: raw });
      continue;
    }
    const word = raw.replace(POSSESSIVE, "").replace(APOSTROPHES, "");
    if (word.length > MAX_TOKEN_LENGTH) continue;
    segments.push({ kind: "latin", word, stem: stemOf(word), stop: ENGLISH_STOPWORDS.has(word) });
  }
  return segments;
}

/** Length of the Chinese stopword (or stop character) starting at i, 0 when there is none. */
function stopLengthAt(run: string, i: number): number {
  for (let length = Math.min(MAX_STOP_WORD_LENGTH, run.length - i); length >= 2; length -= 1) {
    if (CHINESE_STOP_WORDS.has(run.slice(i, i + length))) return length;
  }
  return CHINESE_STOP_CHARS.has(run[i]!) ? 1 : 0;
}

/**
 * The content pieces of a Han run: the run cut at stopwords and stop characters. Bigrams are formed
 * within a piece only, so no token straddles a particle.
 */
export function hanPieces(run: string): string[] {
  const pieces: string[] = [];
  let pieceStart = 0;
  let i = 0;
  while (i < run.length) {
    const stop = stopLengthAt(run, i);
    if (stop === 0) {
      i += 1;
      continue;
    }
    if (i > pieceStart) pieces.push(run.slice(pieceStart, i));
    i += stop;
    pieceStart = i;
  }
  if (run.length > pieceStart) pieces.push(run.slice(pieceStart));
  return pieces;
}

/**
 * Character bigrams of each piece, plus each one-character word (CHINESE_WORD_SINGLES) inside a longer
 * piece; a one-character piece stands as itself unless it is a stop single.
 */
export function hanTokens(run: string): string[] {
  const tokens: string[] = [];
  for (const piece of hanPieces(run)) {
    if (piece.length === 1) {
      if (!CHINESE_STOP_SINGLES.has(piece)) tokens.push(piece);
      continue;
    }
    for (let i = 0; i < piece.length; i += 1) {
      if (CHINESE_WORD_SINGLES.has(piece[i]!)) tokens.push(piece[i]!);
      if (i + 1 < piece.length) tokens.push(piece.slice(i, i + 2));
    }
  }
  return tokens;
}

/** Tokens in text order, repeats kept (term frequency matters for ranking). */
export function keywordTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const segment of segmentText(text)) {
    if (segment.kind === "han") tokens.push(...hanTokens(segment.text));
    else if (!segment.stop) tokens.push(segment.stem);
  }
  return tokens;
}

/** The distinct keyword tokens of a query, in first-seen order (for OR-ed tsquery terms and overlap). */
export function queryTokens(text: string): string[] {
  return [...new Set(keywordTokens(text))];
}

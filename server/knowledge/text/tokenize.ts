/**
 * Keyword tokens for full-text search on both engines: the app tokenizes, Postgres indexes the tokens
 * with to_tsvector('simple', tokens.join(" ")). English words are stemmed and stopwords dropped;
 * Chinese, which has no spaces, becomes words (jieba with the medical user dictionary, chinese-words.ts),
 * with character bigrams for the characters no dictionary word covers. Tokens consist of [a-z0-9] or of
 * Han characters only, so they are safe inside a tsvector or tsquery without quoting.
 */
import { chineseWords } from "./chinese-words";
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
/**
 * What the keyword index's tokens are made of: the tokenizer, its dictionaries and the lexicon's concepts.
 * Bump it when any of them changes: documents indexed under another version go back on the ingestion
 * queue at start (server/jobs/reindex.ts), so stored tokens and query tokens agree again.
 */
export const TOKENIZER_VERSION = 6; // 6: bare "egfr" no longer names targeted therapy (a kidney eGFR is not a cancer drug)

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

/** Bigrams of characters no dictionary word covered, plus the one-character words among them. */
function fallbackTokens(chars: string, wholePiece: boolean, tokens: string[]): void {
  if (chars.length === 1) {
    // A piece of one character stands as itself unless it is a stop single; inside a longer piece only a word single does.
    if (wholePiece ? !CHINESE_STOP_SINGLES.has(chars) : CHINESE_WORD_SINGLES.has(chars)) tokens.push(chars);
    return;
  }
  for (let i = 0; i < chars.length; i += 1) {
    if (CHINESE_WORD_SINGLES.has(chars[i]!)) tokens.push(chars[i]!);
    if (i + 1 < chars.length) tokens.push(chars.slice(i, i + 2));
  }
}

/**
 * The tokens of a Han run: the run is cut at stopwords and stop characters (hanPieces), each piece is
 * segmented into dictionary words (a long word also gives the words inside it: 幽门螺杆菌 -> 幽门, 杆菌,
 * 螺杆菌, ...), and characters left over as single-character "words" are paired into bigrams, as all
 * Chinese was before segmentation, so a word the dictionary lacks (肠化) is still found. One-character
 * words such as 盐 and 痛 (CHINESE_WORD_SINGLES) are tokens of their own.
 */
export function hanTokens(run: string): string[] {
  const tokens: string[] = [];
  for (const piece of hanPieces(run)) {
    if (piece.length === 1) {
      fallbackTokens(piece, true, tokens);
      continue;
    }
    let singles = "";
    const words = chineseWords(piece);
    for (const [i, word] of words.entries()) {
      if (word.length === 1) {
        singles += word;
        continue;
      }
      if (singles) fallbackTokens(singles, false, tokens);
      singles = "";
      if (CHINESE_STOP_WORDS.has(word)) continue;
      tokens.push(word);
      // Search mode gives a word's sub-words just before it: its one-character words count once, with the whole word.
      if (words[i + 1]?.includes(word)) continue;
      for (const char of word) if (CHINESE_WORD_SINGLES.has(char)) tokens.push(char);
    }
    if (singles) fallbackTokens(singles, false, tokens);
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

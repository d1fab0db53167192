/**
 * Features of the crisis classifier, shared by training (bench/train-crisis.ts) and inference, so a
 * message is seen the same way in both. Hashed into a fixed number of buckets: the model is a dense
 * weight table and needs no vocabulary file.
 *
 * - English: words, word bigrams, and character 3–5-grams inside words (typos, slang, "kms").
 * - Chinese: characters, character bigrams and trigrams (words without a segmenter, robust to
 *   the wrong-character typos of phone input).
 * - Tokens after a negation within a short window get a negated copy ("not suicidal" ≠ "suicidal").
 * - Concept features: a word of a concept lexicon (means, preparation, finality…) also emits the
 *   concept, so a means never seen in training still counts as a means.
 */
import { normalizeText } from "../normalize";
import { CONCEPTS } from "./concepts";

export const FEATURE_BITS = 18;
const BUCKETS = 1 << FEATURE_BITS;

const HAN = /\p{Script=Han}/u;
// A Han character, a run of Latin letters/digits, or one emoji/pictograph.
const TOKEN = /\p{Script=Han}|[a-z0-9]+(?:'[a-z]+)?|\p{Extended_Pictographic}/gu;
const NEGATORS = new Set(["not", "no", "never", "dont", "nothing", "without", "没", "不", "别", "无", "未"]);
const NEGATION_WINDOW = 3;
const LENGTH_BUCKETS = [1, 2, 3, 5, 8, 12, 20, 40, Infinity];

/** FNV-1a, 32-bit: stable across runs and platforms, so the artifact is reproducible. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (BUCKETS - 1);
}

/** Concept lexicon entries compiled into one alternation per language script. */
const CONCEPT_MATCHERS = Object.entries(CONCEPTS).map(([concept, words]) => ({
  concept,
  pattern: new RegExp(
    words
      .map((w) => (/^[a-z0-9].*[a-z0-9]$/.test(w) ? `\\b${w}\\b` : w))
      .join("|"),
    "gu",
  ),
}));

/** Feature names of an already-normalized text (exported for tests and the training report). */
export function featureNames(text: string): string[] {
  const names: string[] = [];
  const tokens = text.match(TOKEN) ?? [];
  let negatedFor = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const han = HAN.test(token);
    names.push(`w:${token}`);
    if (negatedFor > 0) {
      names.push(`n:${token}`);
      negatedFor--;
    }
    if (NEGATORS.has(token)) negatedFor = NEGATION_WINDOW;
    const next = tokens[i + 1];
    if (next !== undefined) names.push(`b:${token} ${next}`);
    if (han) {
      const next2 = tokens[i + 2];
      if (next !== undefined && next2 !== undefined && HAN.test(next) && HAN.test(next2)) {
        names.push(`t:${token}${next}${next2}`);
      }
    } else if (token.length >= 3) {
      const padded = `<${token}>`;
      for (let n = 3; n <= 5; n++) {
        for (let s = 0; s + n <= padded.length; s++) names.push(`c:${padded.slice(s, s + n)}`);
      }
    }
  }
  // Length as a feature: a three-word reply ("I don't know, honestly") carries less evidence than its
  // few words' weights would claim on their own.
  names.push(`len:${LENGTH_BUCKETS.findIndex((max) => tokens.length <= max)}`);
  for (const { concept, pattern } of CONCEPT_MATCHERS) {
    pattern.lastIndex = 0;
    const hits = text.match(pattern);
    if (hits) names.push(`k:${concept}`);
  }
  return names;
}

/** A sparse feature vector: sorted unique bucket ids and their values (L2-normalized counts). */
export interface FeatureVector {
  ids: Int32Array;
  values: Float32Array;
}

function countFeatures(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const name of featureNames(text)) {
    const id = hash(name);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function toVector(counts: Map<number, number>): FeatureVector {
  const ids = Int32Array.from(counts.keys()).sort();
  const values = new Float32Array(ids.length);
  let norm = 0;
  for (let i = 0; i < ids.length; i++) {
    // Sublinear counts: a word repeated ten times is not ten times the evidence.
    const v = 1 + Math.log(counts.get(ids[i]!)!);
    values[i] = v;
    norm += v * v;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < values.length; i++) values[i]! *= scale;
  return { ids, values };
}

export function vectorize(normalized: string): FeatureVector {
  return toVector(countFeatures(normalized));
}

/** A message's windows: the whole message, each clause, and each pair of adjacent clauses. */
export interface MessageWindows {
  /** Normalized text of each window (for evidence), in the order of `vectors`. */
  texts: string[];
  vectors: FeatureVector[];
}

/**
 * The windows a message is judged on: the whole message, then each clause and each pair of adjacent
 * clauses, so a crisis said in one sentence among routine questions is not diluted by the rest (a
 * pair keeps a negation or a frame that sits in the neighbouring clause). Training and inference
 * both use this, so they see the same windows. A pair is the sum of its clauses' features.
 */
export function messageWindows(raw: string): MessageWindows {
  const whole = normalizeText(raw);
  const clauses = clauseTexts(raw);
  const texts = [whole];
  const vectors = [vectorize(whole)];
  if (clauses.length <= 1) return { texts, vectors };
  const counts = clauses.map(countFeatures);
  clauses.forEach((clause, i) => {
    texts.push(clause);
    vectors.push(toVector(counts[i]!));
  });
  for (let i = 0; i + 1 < clauses.length; i++) {
    const pair = new Map(counts[i]!);
    for (const [id, n] of counts[i + 1]!) pair.set(id, (pair.get(id) ?? 0) + n);
    texts.push(`${clauses[i]} ${clauses[i + 1]}`);
    vectors.push(toVector(pair));
  }
  return { texts, vectors };
}

/** Normalize then vectorize: the one entry point for raw message text. */
export function messageFeatures(raw: string): FeatureVector {
  return vectorize(normalizeText(raw));
}

// Sentence ends, clause-joining words after a comma, and (phone-typed Chinese uses spaces as
// punctuation) a space next to a Chinese character. Split on the raw text: normalization removes
// the spaces between Chinese characters.
const CLAUSE_BREAK =
  /[.!?;。！？；…\n]+|[,，]\s*(?=(?:but|and|so|because|also|btw|anyway|但是|可是|不过|而且|所以|另外|还有|顺便|对了)\b)|(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/giu;
const MIN_CLAUSE_CHARS = 4;

/** The normalized clauses of a raw message, short fragments dropped. */
export function clauseTexts(raw: string): string[] {
  return raw
    .split(CLAUSE_BREAK)
    .map(normalizeText)
    .filter((c) => c.length >= MIN_CLAUSE_CHARS);
}

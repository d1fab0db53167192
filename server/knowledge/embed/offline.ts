/**
 * The offline embedder: signed feature hashing of lexical features into 384 dimensions. No model and
 * no network, deterministic across machines. Sub-word and synonym features let it match paraphrases
 * that share no exact word, which is what it adds to keyword search in hybrid retrieval.
 */
import { findGeneralConcepts, findMedicalConcepts } from "@/server/knowledge/text/concepts";
import { CHINESE_STOP_CHARS } from "@/server/knowledge/text/stopwords";
import { hanPieces, segmentText } from "@/server/knowledge/text/tokenize";
import type { Embedder } from "./embedder";

const DIMENSIONS = 384;

/** Relative weight of each feature family (tuned on the retrieval dev sets; bench/retrieval.ts measures them). */
const WEIGHTS = {
  stem: 1.0,
  wordBigram: 0.5,
  charGram: 0.25,
  hanChar: 0.4,
  hanBigram: 1.0,
  medicalConcept: 1.5,
  generalConcept: 1.0,
} as const;

type Family = keyof typeof WEIGHTS;

// A distinct seed per family keeps, say, the stem "ion" and the char 3-gram "ion" apart.
const SEEDS: Readonly<Record<Family, number>> = {
  stem: 0x811c9dc5,
  wordBigram: 0x9e3779b9,
  charGram: 0x85ebca6b,
  hanChar: 0xc2b2ae35,
  hanBigram: 0x27d4eb2f,
  medicalConcept: 0x165667b1,
  generalConcept: 0xd3a2646c,
};

const FNV_PRIME = 0x01000193;

function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

function fnv(seed: number, text: string): number {
  let h = seed;
  for (let i = 0; i < text.length; i += 1) h = fnvStep(h, text.charCodeAt(i));
  return h;
}

/** murmur3's finalizer: FNV's low bits are weak, and both the bucket and the sign come from them. */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Feature hash -> count for one family. */
type Counts = Map<number, number>;

function count(counts: Counts, hash: number): void {
  counts.set(hash, (counts.get(hash) ?? 0) + 1);
}

/** Character 3- and 4-grams of "<word>", hashed incrementally without building substrings. */
function countCharGrams(counts: Counts, word: string): void {
  const padded = `<${word}>`;
  for (let i = 0; i + 3 <= padded.length; i += 1) {
    let h = SEEDS.charGram;
    for (let k = 0; k < 4 && i + k < padded.length; k += 1) {
      h = fnvStep(h, padded.charCodeAt(i + k));
      if (k >= 2) count(counts, h);
    }
  }
}

function featureCounts(text: string): Map<Family, Counts> {
  const families = new Map<Family, Counts>(
    (Object.keys(WEIGHTS) as Family[]).map((family) => [family, new Map<number, number>()]),
  );
  const counts = (family: Family): Counts => families.get(family)!;
  const segments = segmentText(text);
  let previousStem: string | null = null;
  for (const segment of segments) {
    if (segment.kind === "han") {
      previousStem = null;
      for (const char of segment.text) {
        if (!CHINESE_STOP_CHARS.has(char)) count(counts("hanChar"), fnv(SEEDS.hanChar, char));
      }
      for (const piece of hanPieces(segment.text)) {
        for (let i = 0; i + 1 < piece.length; i += 1) {
          count(counts("hanBigram"), fnv(fnvStep(SEEDS.hanBigram, piece.charCodeAt(i)), piece.charAt(i + 1)));
        }
      }
      continue;
    }
    if (segment.stop) continue;
    // Bigrams skip stopwords, so "shortness of breath" and "short breath" share one.
    count(counts("stem"), fnv(SEEDS.stem, segment.stem));
    if (previousStem !== null) count(counts("wordBigram"), fnv(SEEDS.wordBigram, `${previousStem} ${segment.stem}`));
    if (segment.word.length >= 3 && !/^[0-9]+$/.test(segment.word)) countCharGrams(counts("charGram"), segment.word);
    previousStem = segment.stem;
  }
  for (const concept of findMedicalConcepts(segments)) count(counts("medicalConcept"), fnv(SEEDS.medicalConcept, concept));
  for (const concept of findGeneralConcepts(segments)) count(counts("generalConcept"), fnv(SEEDS.generalConcept, concept));
  return families;
}

/**
 * Sublinear term frequency, a signed bucket per feature, then L2 normalisation. A text without
 * features (only punctuation) gives the zero vector: it is similar to nothing.
 */
function embedText(text: string): number[] {
  const vector = new Float64Array(DIMENSIONS);
  for (const [family, counts] of featureCounts(text)) {
    const weight = WEIGHTS[family];
    for (const [hash, n] of counts) {
      const mixed = mix(hash);
      const sign = mixed & 0x80000000 ? -1 : 1;
      vector[mixed % DIMENSIONS]! += sign * weight * (1 + Math.log(n));
    }
  }
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  return Array.from(vector, (x) => (norm > 0 ? x / norm : 0));
}

export function createOfflineEmbedder(): Embedder {
  return {
    // v2: concept features from the lay <-> clinical lexicon (text/lexicon.ts) instead of the first synonym list;
    // v3: English concepts also found in looser wording (concepts.ts), so stored vectors change.
    id: "offline-hash-v3",
    offline: true,
    dimensions: DIMENSIONS,
    embed: async (texts) => texts.map(embedText),
  };
}

/** Finds the synonym concepts (see synonyms.ts) that a tokenized text mentions. */
import { HAN_CLASS } from "./language";
import { GENERAL_GROUPS, MEDICAL_GROUPS } from "./synonyms";
import { keywordTokens, segmentText, type TextSegment } from "./tokenize";

/** Returns one concept id per mention, so a concept mentioned twice counts twice. */
export type ConceptFinder = (segments: readonly TextSegment[]) => string[];

interface EnglishPhrase {
  stems: readonly string[];
  concept: string;
}

const HAS_HAN = new RegExp(`[${HAN_CLASS}]`);

function contentStems(segments: readonly TextSegment[]): string[] {
  const stems: string[] = [];
  for (const s of segments) if (s.kind === "latin" && !s.stop) stems.push(s.stem);
  return stems;
}

function matchesAt(stems: readonly string[], at: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k += 1) if (stems[at + k] !== phrase[k]) return false;
  return true;
}

/**
 * The text as one string for Chinese phrases: Han runs and the Latin words beside them ("B超", "HP阳性",
 * "PD-1" -> "pd1"), with "|" between two Han runs that punctuation or a space separated, so no phrase
 * matches across them.
 */
function compact(segments: readonly TextSegment[]): string {
  let out = "";
  let previous: TextSegment["kind"] | null = null;
  for (const s of segments) {
    if (s.kind === "han" && previous === "han") out += "|";
    out += s.kind === "han" ? s.text : s.word;
    previous = s.kind;
  }
  return out;
}

/**
 * How far a loose English match may stretch: a phrase's stems in any order with at most this many other
 * content words among them ("arteries ... clogged" for "clogged arteries", "blood vessels swollen and
 * inflamed" for "inflamed blood vessels").
 */
export const LOOSE_ENGLISH_GAP = 1;

/**
 * Where a loose match of the phrase ends in window (the content stems from the match's first one on), or
 * -1: each of its stems within the phrase's length plus LOOSE_ENGLISH_GAP.
 */
function looseEnglishEnd(window: readonly string[], phrase: readonly string[]): number {
  const limit = phrase.length + LOOSE_ENGLISH_GAP;
  let end = 0;
  for (const stem of phrase) {
    const at = window.indexOf(stem);
    if (at < 0 || at >= limit) return -1;
    end = Math.max(end, at + 1);
  }
  return end;
}

/**
 * English phrases match as runs of content stems (longest phrase first at each position), Chinese
 * phrases as substrings of the text's Han runs (and the Latin letters beside them). With `loose`, an
 * English phrase of several words also matches in the looser form above: patients rephrase a term ("my
 * arteries are clogged") more often than they use it verbatim. Chinese phrases stay exact: allowing
 * characters between a phrase's own (嘴巴臭 for 嘴臭) cost the Chinese dev set originals.
 */
export function conceptFinder(groups: readonly { id: string; phrases: readonly string[] }[], options: { loose?: boolean } = {}): ConceptFinder {
  const englishByFirstStem = new Map<string, EnglishPhrase[]>();
  const englishByAnyStem = new Map<string, EnglishPhrase[]>();
  const chinese: { text: string; concept: string }[] = [];
  for (const group of groups) {
    const concept = group.id;
    for (const phrase of group.phrases) {
      if (HAS_HAN.test(phrase)) {
        chinese.push({ text: compact(segmentText(phrase)), concept });
        continue;
      }
      const stems = contentStems(segmentText(phrase));
      const first = stems[0];
      if (first === undefined) continue;
      const entry = { stems, concept };
      englishByFirstStem.set(first, [...(englishByFirstStem.get(first) ?? []), entry]);
      if (options.loose && stems.length >= 2 && new Set(stems).size === stems.length) {
        for (const stem of stems) englishByAnyStem.set(stem, [...(englishByAnyStem.get(stem) ?? []), entry]);
      }
    }
  }
  for (const list of englishByFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  for (const list of englishByAnyStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  let longest = 0;
  for (const list of englishByAnyStem.values()) longest = Math.max(longest, list[0]!.stems.length);
  // Thousands of Chinese phrases: each position of the text looks only at the phrases starting with its
  // character, instead of every phrase scanning the whole text.
  const chineseByFirst = new Map<string, number[]>();
  chinese.forEach(({ text }, k) => {
    if (!text) return;
    const list = chineseByFirst.get(text[0]!);
    if (list) list.push(k);
    else chineseByFirst.set(text[0]!, [k]);
  });
  /** Each phrase's non-overlapping occurrences in han, as phrase indexes in phrase order, then text order. */
  const chineseMatches = (han: string): number[] => {
    const hits: [phrase: number, at: number][] = [];
    const free = new Map<number, number>();
    for (let at = 0; at < han.length; at += 1) {
      for (const k of chineseByFirst.get(han[at]!) ?? []) {
        const { text } = chinese[k]!;
        if (at < (free.get(k) ?? 0) || !han.startsWith(text, at)) continue;
        hits.push([k, at]);
        free.set(k, at + text.length);
      }
    }
    return hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([k]) => k);
  };

  return (segments) => {
    const found: string[] = [];
    const stems = contentStems(segments);
    for (let i = 0; i < stems.length; ) {
      const exact = englishByFirstStem.get(stems[i]!)?.find((p) => matchesAt(stems, i, p.stems));
      let match = exact ? { concept: exact.concept, end: i + exact.stems.length } : null;
      const loose = englishByAnyStem.get(stems[i]!);
      const window = loose ? stems.slice(i, i + longest + LOOSE_ENGLISH_GAP) : [];
      for (const p of loose ?? []) {
        if (match && match.end - i >= p.stems.length) break;
        const end = looseEnglishEnd(window, p.stems);
        if (end > 0) {
          match = { concept: p.concept, end: i + end };
          break;
        }
      }
      if (match) found.push(match.concept);
      i = match ? match.end : i + 1;
    }
    for (const k of chineseMatches(compact(segments))) found.push(chinese[k]!.concept);
    return found;
  };
}

/** Synonym groups whose first phrase is the concept id (synonyms.ts). */
const byFirstPhrase = (groups: readonly (readonly string[])[]) => groups.map((phrases) => ({ id: phrases[0]!, phrases }));

export const findMedicalConcepts: ConceptFinder = conceptFinder(byFirstPhrase(MEDICAL_GROUPS), { loose: true });
export const findGeneralConcepts: ConceptFinder = conceptFinder(byFirstPhrase(GENERAL_GROUPS));

/**
 * Concept tokens look like no word: a prefix and the concept id's letters and digits. Concepts only
 * reach the keyword index through this function, and the result is tsquery-safe ([a-z0-9]).
 */
export function conceptToken(concept: string): string {
  return `zc${concept.toLowerCase().replace(/[^a-z0-9]/g, "")}`;
}

let wordsByConcept: Map<string, ReadonlySet<string>> | null = null;

/**
 * The keyword tokens of all the surface forms of the concept a concept token names ("zcconstipation":
 * constip, 便秘, 拉不出, ...), empty for any other token. A passage that has the concept has said, in its
 * own words, what a question's words for it say.
 */
export function conceptWords(token: string): ReadonlySet<string> {
  if (!wordsByConcept) {
    wordsByConcept = new Map();
    for (const group of MEDICAL_GROUPS) {
      wordsByConcept.set(conceptToken(group[0]!), new Set(group.flatMap((phrase) => keywordTokens(phrase)).filter((t) => t.length > 1)));
    }
  }
  return wordsByConcept.get(token) ?? EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();

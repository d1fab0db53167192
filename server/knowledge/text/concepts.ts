/** Finds the synonym concepts (see synonyms.ts) that a tokenized text mentions. */
import { HAN_CLASS } from "./language";
import { GENERAL_GROUPS, MEDICAL_GROUPS } from "./synonyms";
import { segmentText, type TextSegment } from "./tokenize";

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
 * English phrases match as runs of content stems (longest phrase first at each position), Chinese
 * phrases as substrings of the text's Han runs (and the Latin letters beside them).
 */
export function conceptFinder(groups: readonly { id: string; phrases: readonly string[] }[]): ConceptFinder {
  const englishByFirstStem = new Map<string, EnglishPhrase[]>();
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
      englishByFirstStem.set(first, [...(englishByFirstStem.get(first) ?? []), { stems, concept }]);
    }
  }
  for (const list of englishByFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);

  return (segments) => {
    const found: string[] = [];
    const stems = contentStems(segments);
    for (let i = 0; i < stems.length; ) {
      const phrase = englishByFirstStem.get(stems[i]!)?.find((p) => matchesAt(stems, i, p.stems));
      if (phrase) found.push(phrase.concept);
      i += phrase ? phrase.stems.length : 1;
    }
    const han = compact(segments);
    for (const { text, concept } of chinese) {
      for (let at = han.indexOf(text); at !== -1; at = han.indexOf(text, at + text.length)) found.push(concept);
    }
    return found;
  };
}

/** Synonym groups whose first phrase is the concept id (synonyms.ts). */
const byFirstPhrase = (groups: readonly (readonly string[])[]) => groups.map((phrases) => ({ id: phrases[0]!, phrases }));

export const findMedicalConcepts: ConceptFinder = conceptFinder(byFirstPhrase(MEDICAL_GROUPS));
export const findGeneralConcepts: ConceptFinder = conceptFinder(byFirstPhrase(GENERAL_GROUPS));

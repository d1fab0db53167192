/**
 * Offline phrase matching in Chinese and English, for trigger phrases, out-of-scope topics, choice
 * options and red-flag phrases: Chinese by substring (spaces and punctuation ignored), English by word
 * stems in any order ("chest pain" matches "pain in my chest"); a phrase negated just before it
 * ("no fever", "没有发烧") does not match when negation matters.
 */
import { HAN_CLASS } from "@/server/knowledge/text/language";
import { segmentText } from "@/server/knowledge/text/tokenize";

const HAN = new RegExp(`[${HAN_CLASS}]`);
const NOT_HAN_OR_WORD = new RegExp(`[^${HAN_CLASS}a-z0-9]+`, "g");
const LATIN_NEGATIONS = new Set(["no", "not", "never", "without", "dont", "didnt", "doesnt", "deny", "denies", "isnt", "havent", "hasnt", "none"]);
const HAN_NEGATION = /(?:没有|没|无|不|未|否认)$/;
/** A negation anywhere, less "不" in words that affirm ("不舒服", "疼得不行", "疼个不停"). */
const HAN_NEGATION_ANYWHERE = /没有|没|无|未|否认|不(?!舒服|适|行|得了|停|断|住|了)/;

interface Analysed {
  han: string;
  words: string[];
  stems: string[];
}

function analyse(text: string): Analysed {
  const segments = segmentText(text);
  const words: string[] = [];
  const stems: string[] = [];
  for (const s of segments) {
    if (s.kind !== "latin") continue;
    words.push(s.word);
    stems.push(s.stem);
  }
  return { han: text.normalize("NFKC").toLowerCase().replace(NOT_HAN_OR_WORD, ""), words, stems };
}

export interface PhraseOptions {
  /** A phrase right after a negation ("no", "not", "没有", "不") does not count. */
  negationAware?: boolean;
}

/** Whether the text contains the phrase, by the rules above. */
export function containsPhrase(text: string, phrase: string, options: PhraseOptions = {}): boolean {
  const p = phrase.trim();
  if (!p) return false;
  const t = analyse(text);
  if (HAN.test(p)) {
    const needle = analyse(p).han;
    if (!needle) return false;
    let from = 0;
    for (;;) {
      const at = t.han.indexOf(needle, from);
      if (at < 0) return false;
      if (!options.negationAware || !HAN_NEGATION.test(t.han.slice(Math.max(0, at - 2), at))) return true;
      from = at + 1;
    }
  }
  const segments = segmentText(p).filter((s) => s.kind === "latin");
  if (segments.length === 0) return false;
  const content = segments.filter((s) => !s.stop);
  if (content.length === 0) {
    // A phrase of function words only ("no", "not at all"): its words in sequence.
    const words = segments.map((s) => s.word);
    for (let i = 0; i + words.length <= t.words.length; i += 1) if (words.every((w, j) => t.words[i + j] === w)) return true;
    return false;
  }
  const positions = content.map((s) => t.stems.indexOf(s.stem));
  if (positions.some((i) => i < 0)) return false;
  if (!options.negationAware) return true;
  const first = Math.min(...positions);
  return !t.words.slice(Math.max(0, first - 2), first).some((w) => LATIN_NEGATIONS.has(w));
}

/** Whether a negation occurs anywhere in the text (one clause: "my arm doesn't hurt", "左胳膊不疼"). */
export function mentionsNegation(text: string): boolean {
  const t = analyse(text);
  return t.words.some((w) => LATIN_NEGATIONS.has(w)) || HAN_NEGATION_ANYWHERE.test(t.han);
}

/** The first phrase the text contains, or null. */
export function firstPhraseIn(text: string, phrases: readonly string[], options?: PhraseOptions): string | null {
  for (const phrase of phrases) {
    // A topic may list its spellings in one entry: "cosmetic surgery / 整形 / 美容".
    for (const alternative of phrase.split(/[/|，,、;；]/)) if (containsPhrase(text, alternative, options)) return phrase;
  }
  return null;
}

/** The content words of a text (English words without stopwords, Chinese runs), for follow-up rewriting. */
export function keyTerms(text: string): string[] {
  const terms: string[] = [];
  for (const s of segmentText(text)) {
    if (s.kind === "han") terms.push(s.text.replace(/^(?:请问|那么|那)|(?:吗|呢|吧|啊|呀)+$/g, ""));
    else if (!s.stop) terms.push(s.word);
  }
  return terms.filter(Boolean);
}

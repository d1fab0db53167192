/**
 * Alias pairs a document teaches about its own terms, found at ingestion and stored per avatar
 * (term_associations): a term with its abbreviation or other name in parentheses — "慢性阻塞性肺疾病（慢阻肺）",
 * "慢阻肺（COPD）", "chronic obstructive pulmonary disease (COPD)", "幽门螺杆菌（Helicobacter pylori）" —
 * or introduced by "also called", "also known as", 又称, 俗称, 简称, 也叫. A doctor who writes "COPD"
 * throughout then answers a patient who asks about 慢阻肺, because the text said they are the same.
 *
 * Only pairs whose two sides can be checked are kept: an abbreviation's letters must appear in order in
 * its long form, starting with the long form's first letter (Schwartz & Hearst, 2003); a Chinese short
 * form's characters likewise in its long form. Parenthesised numbers, units, years and references are
 * not names and are skipped.
 */
import { chineseWords, taggedChineseWords } from "./chinese-words";
import { isHan } from "./language";
import { ENGLISH_STOPWORDS } from "./stopwords";

export interface AliasPair {
  term: string;
  alias: string;
}

/** At most this many pairs per document: a glossary teaches many, but a runaway text should not. */
export const MAX_ALIASES_PER_DOCUMENT = 500;
const MAX_HAN_TERM = 12;
const MAX_LATIN_WORDS = 8;

const PARENTHESES = /([^()（）\n]{1,80}?)\s*[（(]\s*([^()（）\n]{1,60}?)\s*[)）]/g;
const ABBREVIATION = /^[A-Za-z][A-Za-z0-9-]{1,9}$/;
const HAS_UPPER_PAIR = /[A-Z].*[A-Z]|^[A-Z][a-z]+[A-Z]/;
const LATIN_NAME = /^[A-Za-z][A-Za-z'’ -]{2,60}$/;
const HAN_NAME = /^[\u3400-\u4dbf\u4e00-\u9fff]{2,12}$/;
const TRAILING_LATIN_WORDS = /([A-Za-z][A-Za-z'’-]*(?:\s+[A-Za-z][A-Za-z'’-]*)*)\s*$/;
const TRAILING_HAN = /([\u3400-\u4dbf\u4e00-\u9fff]+)$/;
const INTRODUCED = /([\u3400-\u4dbf\u4e00-\u9fff]{2,12}|[A-Za-z][A-Za-z '-]{2,60}?)\s*[，,]?\s*(?:又称|俗称|简称|也叫|也称|亦称|also called|also known as|sometimes called|commonly called)\s*[“"「]?([\u3400-\u4dbf\u4e00-\u9fff]{2,12}|[A-Za-z][A-Za-z0-9 '-]{1,60}?)(?=[”"」，,。.;；:：)）\n]|$)/g;
/** Characters that end a Chinese term on its left: what comes before them is not part of the name. */
const HAN_TERM_BREAKS = new Set([..."的了是在和与及或为被把对从向到等即如患者称叫做有"]);

/** jieba's tags for verbs, prepositions, adverbs, pronouns, conjunctions, particles, numerals and measure words. */
const LEADING_TAGS = /^(?:v|vn|vd|p|d|r|c|m|q|u[a-z]?)$/;

const normalize = (s: string) => s.normalize("NFKC").trim().replace(/\s+/g, " ");

/** Whether the letters of short appear in order in long, the first at the start of a word of long. */
function lettersInOrder(short: string, long: string): boolean {
  const s = short.toLowerCase().replace(/[^a-z0-9]/g, "");
  const l = long.toLowerCase();
  if (!s || !/\b/.test(l)) return false;
  const words = l.split(/[\s-]+/).filter(Boolean);
  if (!words.some((w) => w.startsWith(s[0]!))) return false;
  // Scan from the right, as Schwartz & Hearst do, so the long form's first letter matches the short's.
  let li = l.length - 1;
  for (let si = s.length - 1; si >= 0; si -= 1) {
    const c = s[si]!;
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && /[a-z0-9]/.test(l[li - 1]!)))) li -= 1;
    if (li < 0) return false;
    li -= 1;
  }
  return true;
}

/** The shortest run of trailing words of text that an abbreviation's letters fit, or null. */
function latinLongForm(before: string, abbreviation: string): string | null {
  const words = (TRAILING_LATIN_WORDS.exec(before)?.[1] ?? "").split(/\s+/).filter(Boolean);
  const letters = abbreviation.replace(/[^A-Za-z0-9]/g, "").length;
  const most = Math.min(words.length, Math.min(letters + 5, letters * 2), MAX_LATIN_WORDS);
  // One word per letter first ("hereditary hemorrhagic telangiectasia", not "hemorrhagic telangiectasia"
  // whose letters also fit), then fewer words ("C-reactive protein"), then more.
  const lengths = [letters, ...Array.from({ length: letters - 1 }, (_, i) => letters - 1 - i), ...Array.from({ length: Math.max(0, most - letters) }, (_, i) => letters + 1 + i)];
  for (const n of lengths) {
    if (n < 1 || n > most) continue;
    const candidate = words.slice(words.length - n);
    const first = candidate[0]!.toLowerCase();
    if (ENGLISH_STOPWORDS.has(first) || first[0] !== abbreviation[0]!.toLowerCase()) continue;
    const text = candidate.join(" ");
    if (text.replace(/[^A-Za-z]/g, "").length > letters && lettersInOrder(abbreviation, text)) return text;
  }
  return null;
}

/** The Chinese term that ends text: its Han run after the last break character, as whole dictionary words. */
function hanTermBefore(before: string): string | null {
  const run = TRAILING_HAN.exec(before)?.[1];
  if (!run) return null;
  let start = 0;
  for (let i = run.length - 1; i >= 0; i -= 1) {
    if (HAN_TERM_BREAKS.has(run[i]!)) {
      start = i + 1;
      break;
    }
  }
  let term = run.slice(start);
  // "服用质子泵抑制剂（PPI）": verbs, adverbs, pronouns and the like before the name are not part of it.
  const words = taggedChineseWords(term);
  let lead = 0;
  while (lead < words.length - 1 && LEADING_TAGS.test(words[lead]!.tag)) lead += 1;
  term = words.slice(lead).map((w) => w.word).join("");
  if (term.length > MAX_HAN_TERM) {
    // Keep whole words from the right, up to the limit.
    const words = chineseWords(term).filter((w) => w.length > 0);
    let kept = "";
    for (let i = words.length - 1; i >= 0 && kept.length + words[i]!.length <= MAX_HAN_TERM; i -= 1) kept = words[i]! + kept;
    term = kept;
  }
  return term.length >= 2 ? term : null;
}

/** The shortest tail of a Chinese long form that holds the short form's characters in order, from its first. */
function hanLongForm(long: string, short: string): string | null {
  for (let start = long.lastIndexOf(short[0]!); start >= 0; start = start > 0 ? long.lastIndexOf(short[0]!, start - 1) : -1) {
    const tail = long.slice(start);
    let at = 0;
    for (const char of short) {
      at = tail.indexOf(char, at);
      if (at < 0) break;
      at += 1;
    }
    if (at > 0 && tail.length > short.length) return tail;
  }
  return null;
}

function pairFromParentheses(before: string, inside: string): AliasPair | null {
  const alias = normalize(inside);
  if (ABBREVIATION.test(alias) && HAS_UPPER_PAIR.test(alias)) {
    const han = /[\u3400-\u4dbf\u4e00-\u9fff]\s*$/.test(before) ? hanTermBefore(before) : null;
    if (han) return { term: han, alias };
    const latin = latinLongForm(before, alias);
    return latin ? { term: latin, alias } : null;
  }
  if (HAN_NAME.test(alias)) {
    const run = hanTermBefore(before);
    if (!run) return null;
    // 心肌梗死（心梗）: a short form of the term before it.
    if (alias.length < run.length) {
      const long = hanLongForm(run, alias);
      if (long) return { term: long, alias };
    }
    return null;
  }
  if (LATIN_NAME.test(alias) && alias.includes(" ") === alias.length > 12) {
    // 幽门螺杆菌（Helicobacter pylori）: a Chinese term glossed in English.
    const han = hanTermBefore(before);
    if (han && alias.split(" ").length <= MAX_LATIN_WORDS) return { term: han, alias };
    // COPD (chronic obstructive pulmonary disease): the long form in the parentheses.
    const short = /([A-Za-z][A-Za-z0-9-]{1,9})\s*$/.exec(before)?.[1];
    if (short && HAS_UPPER_PAIR.test(short) && lettersInOrder(short, alias)) return { term: alias, alias: short };
  }
  return null;
}

const sameWords = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The alias pairs a text states, each once (the first spelling of a pair is kept). */
export function extractAliases(text: string): AliasPair[] {
  const pairs = new Map<string, AliasPair>();
  const add = (pair: AliasPair | null) => {
    if (!pair || pairs.size >= MAX_ALIASES_PER_DOCUMENT) return;
    const term = normalize(pair.term);
    const alias = normalize(pair.alias);
    if (!term || !alias || sameWords(term, alias)) return;
    const key = `${term.toLowerCase()}\u0000${alias.toLowerCase()}`;
    if (!pairs.has(key)) pairs.set(key, { term, alias });
  };
  const normalized = text.normalize("NFKC");
  for (const match of normalized.matchAll(PARENTHESES)) add(pairFromParentheses(match[1]!, match[2]!));
  for (const match of normalized.matchAll(INTRODUCED)) {
    const left = match[1]!.trim();
    const right = match[2]!.trim();
    const term = isHan(left.charAt(0)) ? hanTermBefore(left) : latinTail(left);
    if (term && right.split(/\s+/).length <= MAX_LATIN_WORDS) add({ term, alias: right });
  }
  return [...pairs.values()];
}

/**
 * The last few words of an English clause before "also called": the name, not the whole sentence. A
 * single word is too vague a name ("infection, also called ...") unless it is an abbreviation.
 */
function latinTail(text: string): string | null {
  const words = text.split(/\s+/).filter(Boolean);
  const content: string[] = [];
  for (let i = words.length - 1; i >= 0 && content.length < 4; i -= 1) {
    if (ENGLISH_STOPWORDS.has(words[i]!.toLowerCase())) break;
    content.unshift(words[i]!);
  }
  if (content.length === 1 && !HAS_UPPER_PAIR.test(content[0]!)) return null;
  return content.length > 0 ? content.join(" ") : null;
}

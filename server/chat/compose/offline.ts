/**
 * The offline grounded composer: answers without a language model by choosing sentences from the
 * retrieved passages. It never writes text of its own; every sentence it returns is a verbatim slice
 * of a passage's content (at most with a leading list or heading marker dropped).
 */
import { detectLanguage, splitSentences, weightedLength, type Language } from "@/server/knowledge/text/language";
import { conceptTokens } from "@/server/knowledge/retrieve/keyword-index";
import { keywordTokens, queryTokens } from "@/server/knowledge/text/tokenize";

export interface ComposerPassage {
  id: string;
  documentTitle: string;
  headingPath: string[];
  content: string;
  score: number;
}

export interface ComposedSentence {
  text: string;
  passageId: string;
}

export interface SelectArgs {
  question: string;
  passages: ComposerPassage[];
  maxSentences?: number;
  maxChars?: number;
}

/** Fewer, better sentences: on the retrieval dev sets a fourth sentence was more often padding than answer. */
const DEFAULT_MAX_SENTENCES = 3;
const DEFAULT_MAX_CHARS = 600;
/** Share of the question's (IDF-weighted) keywords a sentence must cover to be used at all. */
const MIN_COVERAGE = 0.25;
/**
 * Weight kept by question keywords found in none of the passages. Most are noise (a Chinese bigram
 * across a word boundary, "疡吃"); counting them fully would hide every good sentence.
 */
const ABSENT_TERM_WEIGHT = 0.3;
/** A sentence must contain this many distinct question keywords (fewer only for one-word questions). */
const MIN_MATCHED_TERMS = 2;
/** Sentences scoring below this fraction of the best one are padding, not answer. */
const MIN_RELATIVE_SCORE = 0.4;
/**
 * A sentence of the passage at retrieval rank r counts 1 / (1 + RANK_DECAY * r): retrieval (with its
 * second look, rerank.ts) has already judged the passages as wholes, and a sentence that merely shares
 * words with the question should not pull the answer to a lower-ranked passage.
 */
const RANK_DECAY = 0.5;
/**
 * The lexicon's concepts (text/lexicon.ts) count as question terms at this weight, so a patient's
 * "water pill" finds a doctor's sentence about diuretics, and a question about treatment prefers a
 * sentence about treatment (GENERAL_GROUPS) over one that only names the condition.
 */
const CONCEPT_WEIGHT = 0.5;
/** A keyword found only in the passage's title or headings counts this much. */
const HEADING_MATCH_CREDIT = 0.5;
const OTHER_LANGUAGE_FACTOR = 0.6;
const NEAR_DUPLICATE_JACCARD = 0.7;
/** Below this weighted length a chosen sentence brings the next one in its paragraph as context. */
const SHORT_SENTENCE = 60;

const LEADING_MARKER = /^(?:#{1,6}\s+|[-*+•·]\s+|\d{1,3}[.)、]\s*|[（(]\d{1,3}[)）]\s*)/;
const ENDS_WITH_COLON = /[:：]$/;
const BLANK_LINE = /\n\s*\n/;
/** How many following sentences (list items, usually) a lead-in ending with a colon brings along. */
const ITEMS_AFTER_COLON = 3;

interface Candidate {
  passage: number;
  position: number;
  /** Paragraph index within the passage (blank lines separate paragraphs). */
  paragraph: number;
  text: string;
  tokens: Set<string>;
  language: Language;
  score: number;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

function sentencesOf(passage: ComposerPassage, index: number): Candidate[] {
  let paragraph = 0;
  let previousEnd = 0;
  return splitSentences(passage.content).map((sentence, position) => {
    if (BLANK_LINE.test(passage.content.slice(previousEnd, sentence.start))) paragraph += 1;
    previousEnd = sentence.end;
    const text = sentence.text.replace(LEADING_MARKER, "");
    return { passage: index, position, paragraph, text, tokens: new Set([...keywordTokens(text), ...conceptTokens(text)]), language: detectLanguage(text), score: 0 };
  });
}

/**
 * Scores each sentence by the IDF-weighted share of question keywords and concepts it contains (half
 * credit for keywords only in its passage's headings), scaled by its passage's retrieval rank and by language.
 */
function scoreCandidates(question: string, passages: ComposerPassage[], byPassage: Candidate[][]): void {
  const words = queryTokens(question);
  const concepts = [...new Set(conceptTokens(question))];
  const terms = [...words, ...concepts];
  const all = byPassage.flat();
  const weight = new Map<string, number>();
  for (const term of terms) {
    const df = all.filter((c) => c.tokens.has(term)).length;
    const kind = words.includes(term) ? 1 : CONCEPT_WEIGHT;
    weight.set(term, Math.log(1 + all.length / (df + 0.5)) * (df > 0 ? 1 : ABSENT_TERM_WEIGHT) * kind);
  }
  const total = [...weight.values()].reduce((a, b) => a + b, 0);
  const questionLanguage = detectLanguage(question);
  const requiredMatches = Math.min(MIN_MATCHED_TERMS, Math.ceil(terms.length / 2));

  byPassage.forEach((candidates, index) => {
    const passage = passages[index]!;
    const headingTokens = new Set(keywordTokens([passage.documentTitle, ...passage.headingPath].join("\n")));
    const relevance = 1 / (1 + RANK_DECAY * index);
    for (const candidate of candidates) {
      let own = 0;
      let matched = 0;
      let fromHeadings = 0;
      for (const [term, w] of weight) {
        if (candidate.tokens.has(term)) {
          own += w;
          matched += 1;
        } else if (headingTokens.has(term)) fromHeadings += w;
      }
      const coverage = total > 0 ? (own + HEADING_MATCH_CREDIT * fromHeadings) / total : 0;
      const language = candidate.language === questionLanguage ? 1 : OTHER_LANGUAGE_FACTOR;
      const meaningful = matched >= requiredMatches && matched > 0 && coverage >= MIN_COVERAGE;
      candidate.score = meaningful ? coverage * relevance * language : 0;
    }
  });
}

export function selectAnswerSentences(args: SelectArgs): ComposedSentence[] {
  const maxSentences = args.maxSentences ?? DEFAULT_MAX_SENTENCES;
  const maxChars = args.maxChars ?? DEFAULT_MAX_CHARS;
  const byPassage = args.passages.map(sentencesOf);
  scoreCandidates(args.question, args.passages, byPassage);

  const ranked = byPassage.flat().filter((c) => c.score > 0).sort((a, b) => b.score - a.score);
  const best = ranked[0]?.score ?? 0;
  const chosen: Candidate[] = [];
  let chars = 0;
  const tryAdd = (candidate: Candidate): boolean => {
    if (!candidate.text || chosen.length >= maxSentences || chosen.includes(candidate)) return false;
    if (chosen.some((c) => jaccard(c.tokens, candidate.tokens) >= NEAR_DUPLICATE_JACCARD)) return false;
    const length = candidate.text.length;
    if (chosen.length > 0 && chars + length > maxChars) return false;
    chosen.push(candidate);
    chars += length;
    return true;
  };

  // One paragraph per passage, the one of its best sentence: a passage often holds several answers
  // (or a list of tips), and the sentence next to the answer is usually about something else.
  const bestParagraph = new Map<number, number>();
  for (const c of ranked) if (!bestParagraph.has(c.passage)) bestParagraph.set(c.passage, c.paragraph);
  for (const candidate of ranked) {
    if (candidate.score < MIN_RELATIVE_SCORE * best) break;
    if (bestParagraph.get(candidate.passage) !== candidate.paragraph) continue;
    if (!tryAdd(candidate)) continue;
    // A lead-in ("Treatment options include:") says little without the items after it, and a short
    // sentence little without the next one in its paragraph.
    const following = byPassage[candidate.passage]!.slice(candidate.position + 1);
    if (ENDS_WITH_COLON.test(candidate.text)) {
      for (const item of following.slice(0, ITEMS_AFTER_COLON)) if (!tryAdd(item)) break;
    } else if (weightedLength(candidate.text) < SHORT_SENTENCE && following[0]?.paragraph === candidate.paragraph) {
      tryAdd(following[0]);
    }
  }
  return chosen
    .sort((a, b) => a.passage - b.passage || a.position - b.position)
    .map((c) => ({ text: c.text, passageId: args.passages[c.passage]!.id }));
}

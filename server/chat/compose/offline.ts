/**
 * The offline grounded composer: answers without a language model by choosing sentences from the
 * retrieved passages. It never writes text of its own; every sentence it returns is a verbatim slice
 * of a passage's content (at most with a leading list or heading marker dropped).
 */
import { detectLanguage, splitSentences, weightedLength, type Language } from "@/server/knowledge/text/language";
import { conceptTokens } from "@/server/knowledge/retrieve/keyword-index";
import { contentTokenCache } from "@/server/knowledge/retrieve/token-cache";
import { keywordTokens, queryTokens } from "@/server/knowledge/text/tokenize";
import { answersIntent, headingAnnounces, headingAnnouncesOther, type Intent, isAnswerForm, questionIntents } from "./intent";

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
/** Sentences scoring below this fraction of the best one are padding, not answer (dev sets: 0.4 let in more padding, 0.85 cut answers). */
const MIN_RELATIVE_SCORE = 0.6;
/**
 * Below this best score (coverage times the factors below) the match is weak: on the dev sets most such
 * answers came from a passage that does not answer the question, so a weak answer quotes its one best
 * sentence (with its context) rather than three.
 */
const WEAK_ANSWER = 0.4;
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
/**
 * A passage other than the lead one (its best sentence's) is quoted only when retrieval scored
 * it at least this share of the lead's and it holds question terms the lead lacks: on the retrieval
 * dev sets the second passage was more often a neighbouring topic ("keep a healthy weight" under a
 * question about the threshold) than the missing half of the answer.
 */
const SECOND_PASSAGE_SCORE = 0.9;
/** ...or when its best sentence scores at least this share of the lead's best (tuned on the dev sets: 0.5 and 0.7 were worse). */
const STRONG_SECOND_SENTENCE = 0.6;
/** Below this weighted length a chosen sentence brings the next one in its paragraph as context. */
const SHORT_SENTENCE = 60;

/**
 * A sentence without the form of the asked-for answer (intent.ts: no number for "how much", no cause for
 * "why") counts this much, and so does one under a heading that announces another kind of answer
 * ("Risk factors" under "What causes...?"). Tuned on the dev sets (0.3 to 0.8 tried).
 */
const FORM_MISS = 0.4;
const OTHER_SECTION = 0.4;
/** A question or a restatement of the patient's case (intent.ts isAnswerForm) counts this much. */
const NOT_ANSWER = 0.5;

const LEADING_MARKER = /^(?:#{1,6}\s+|[-*+•·]\s+|\d{1,3}[.)、]\s*|[（(]\d{1,3}[)）]\s*)/;
/**
 * A question under which a list item (a tip) is an answer: broader than intent.ts's advice ("What helps
 * lower blood pressure?" asks for tips without asking "how").
 */
const ADVICE_QUESTION = /\b(?:how (?:do|can|should|to)|what (?:can|should)|should|can i|ways?|tips?|help|avoid|prevent|lower|reduce|manage|treat\w*)\b|怎么|怎样|如何|应该|能不能|可以|办法|方法|注意|预防|避免|降低|治疗/i;
/**
 * A list item (in patient materials usually a tip: "Keep a healthy weight: ...") counts this much when
 * the question asks for no advice. The dev sets have no lists, so this is set by the demo's
 * "What blood pressure counts as high?" (offline-demo.int.test.ts), where a tip must not outrank the threshold.
 */
const TIP_FACTOR = 0.3;
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
  tokens: ReadonlySet<string>;
  language: Language;
  score: number;
  /** A list item (it began with a list marker): in patient materials, usually a tip. */
  item: boolean;
}

/** The kinds of answer the question asks for, advice dropped when a more specific kind is asked ("How is X treated?"). */
function askedIntents(question: string): Intent[] {
  const asked = questionIntents(question);
  return asked.length > 1 ? asked.filter((i) => i !== "advice") : asked;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** Sentences of retrieved passages whose tokens are kept: the same passages answer many patients. */
const sentenceTokens = contentTokenCache(20_000);

function sentencesOf(passage: ComposerPassage, index: number): Candidate[] {
  let paragraph = 0;
  let previousEnd = 0;
  return splitSentences(passage.content).map((sentence, position) => {
    if (BLANK_LINE.test(passage.content.slice(previousEnd, sentence.start))) paragraph += 1;
    previousEnd = sentence.end;
    const text = sentence.text.replace(LEADING_MARKER, "");
    return { passage: index, position, paragraph, text, tokens: sentenceTokens(text), language: detectLanguage(text), score: 0, item: LEADING_MARKER.test(sentence.text) && !sentence.text.startsWith("#") };
  });
}

/**
 * Scores each sentence by the IDF-weighted share of question keywords and concepts it contains (half
 * credit for keywords only in its passage's headings), scaled by its passage's retrieval rank, by language,
 * and by whether it has the form of the answer the question asks for (intent.ts).
 */
/** The question's keyword tokens and the concept tokens of the lexicon phrases in it. */
interface QuestionTokens {
  words: string[];
  concepts: string[];
}

function scoreCandidates(question: string, { words, concepts }: QuestionTokens, passages: ComposerPassage[], byPassage: Candidate[][]): void {
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
  const intents = askedIntents(question);
  const wantsAdvice = ADVICE_QUESTION.test(question);
  const requiredMatches = Math.min(MIN_MATCHED_TERMS, Math.ceil(terms.length / 2));
  // A concept a single question word brings ("eating" from "eat") is not a second match beside that word:
  // otherwise "Can I eat sourdough bread?" would meet any sentence that says "eat".
  const wordConcepts = new Map(words.map((word) => [word, conceptTokens(word)]));
  const triggers = new Map(concepts.map((concept) => [concept, words.filter((word) => wordConcepts.get(word)!.includes(concept))]));

  byPassage.forEach((candidates, index) => {
    const passage = passages[index]!;
    const headingTokens = new Set(keywordTokens([passage.documentTitle, ...passage.headingPath].join("\n")));
    const relevance = 1 / (1 + RANK_DECAY * index);
    // The innermost heading names the section ("Treatment", "When to get help").
    const section = passage.headingPath.at(-1) ?? "";
    const sectionAnswers = intents.length > 0 && headingAnnounces(section, intents);
    const sectionFactor = intents.length > 0 && headingAnnouncesOther(section, intents) ? OTHER_SECTION : 1;
    for (const candidate of candidates) {
      let own = 0;
      let matched = 0;
      let fromHeadings = 0;
      for (const [term, w] of weight) {
        if (candidate.tokens.has(term)) {
          own += w;
          if (!triggers.get(term)?.some((word) => candidate.tokens.has(word))) matched += 1;
        } else if (headingTokens.has(term)) fromHeadings += w;
      }
      const coverage = total > 0 ? (own + HEADING_MATCH_CREDIT * fromHeadings) / total : 0;
      const language = candidate.language === questionLanguage ? 1 : OTHER_LANGUAGE_FACTOR;
      const meaningful = matched >= requiredMatches && matched > 0 && coverage >= MIN_COVERAGE;
      const tip = candidate.item && !wantsAdvice ? TIP_FACTOR : 1;
      const form = intents.length === 0 || sectionAnswers || answersIntent(candidate.text, intents) ? 1 : FORM_MISS;
      const answerLike = isAnswerForm(candidate.text) ? 1 : NOT_ANSWER;
      candidate.score = meaningful ? coverage * relevance * language * tip * form * sectionFactor * answerLike : 0;
    }
  });
}

export function selectAnswerSentences(args: SelectArgs): ComposedSentence[] {
  const maxSentences = args.maxSentences ?? DEFAULT_MAX_SENTENCES;
  const maxChars = args.maxChars ?? DEFAULT_MAX_CHARS;
  const byPassage = args.passages.map(sentencesOf);
  const asked: QuestionTokens = { words: queryTokens(args.question), concepts: [...new Set(conceptTokens(args.question))] };
  scoreCandidates(args.question, asked, args.passages, byPassage);

  const usable = byPassage.flat().filter((c) => c.score > 0);
  const lead = usable.length === 0 ? 0 : usable.reduce((a, b) => (b.score > a.score ? b : a)).passage;
  const bestOf = (i: number) => Math.max(0, ...byPassage[i]!.map((c) => c.score));
  const allowed = new Set([lead]);
  const leadTokens = new Set(byPassage[lead]?.flatMap((c) => [...c.tokens]));
  const questionTerms = new Set([...asked.words, ...asked.concepts]);
  for (let i = 0; i < args.passages.length; i += 1) {
    if (i === lead) continue;
    const close = args.passages[i]!.score >= SECOND_PASSAGE_SCORE * args.passages[lead]!.score;
    const adds = byPassage[i]!.some((c) => c.score > 0 && [...c.tokens].some((t) => questionTerms.has(t) && !leadTokens.has(t)));
    const strong = bestOf(i) >= STRONG_SECOND_SENTENCE * bestOf(lead);
    if ((close && adds) || strong) allowed.add(i);
  }
  const ranked = usable.filter((c) => allowed.has(c.passage)).sort((a, b) => b.score - a.score);
  const best = ranked[0]?.score ?? 0;
  const weak = best < WEAK_ANSWER;
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
    if (candidate.score < MIN_RELATIVE_SCORE * best || (weak && chosen.length > 0)) break;
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

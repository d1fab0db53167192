/**
 * What the keyword index holds for a passage and what a query looks for in it. One tsvector per
 * passage, built from app-side tokens with the 'simple' config, in three labelled fields:
 * - A: title and heading tokens (a heading names what the text under it is about, so it weighs more);
 * - B: concept tokens, one per synonym concept mentioned (synonyms.ts), so "heart attack" meets
 *   "myocardial infarction" and "心梗" in keyword search as it does in the offline embedder;
 * - D (the default label): the body's tokens.
 */
import { type SQL, sql } from "drizzle-orm";
import type { AliasPair } from "@/server/knowledge/text/aliases";
import { type ConceptFinder, conceptFinder, conceptToken, findGeneralConcepts, findMedicalConcepts } from "@/server/knowledge/text/concepts";
import { keywordTokens, queryTokens, segmentText } from "@/server/knowledge/text/tokenize";

/**
 * A query's concept tokens count this much against its own words: an expansion is a weaker signal than
 * a word the patient used, and full weight let broad concepts drown specific words.
 */
export const CONCEPT_TERM_WEIGHT = 0.5;

export function conceptTokens(text: string): string[] {
  const segments = segmentText(text);
  return [...findMedicalConcepts(segments), ...findGeneralConcepts(segments)].map(conceptToken);
}

/** The three token fields of a passage's keyword index, space-separated. */
export function passageKeywordFields(passage: { title: string; headingPath: readonly string[]; content: string }): { head: string; concepts: string; body: string } {
  const heading = [passage.title, ...passage.headingPath].join("\n");
  return {
    head: keywordTokens(heading).join(" "),
    concepts: [...new Set(conceptTokens(`${heading}\n${passage.content}`))].join(" "),
    body: keywordTokens(passage.content).join(" "),
  };
}

/** The tsvector expression of the three fields (each a SQL text value). */
export function keywordVectorSql(head: SQL, concepts: SQL, body: SQL): SQL {
  return sql`setweight(to_tsvector('simple', ${head}), 'A') || setweight(to_tsvector('simple', ${concepts}), 'B') || to_tsvector('simple', ${body})`;
}

/** The tsvector expression to store for a passage. */
export function passageKeywordVector(passage: { title: string; headingPath: readonly string[]; content: string }): SQL {
  const { head, concepts, body } = passageKeywordFields(passage);
  return keywordVectorSql(sql`${head}`, sql`${concepts}`, sql`${body}`);
}

/** What a passage's keyword index holds for one term. */
export interface TermFrequency {
  /** Occurrences in the body (D). */
  body: number;
  /** Whether the title or a heading has it (A). */
  heading: boolean;
  /** Whether it is a concept the passage mentions (B). */
  concept: boolean;
}

const code = (c: string) => c.charCodeAt(0);
const SPACE = code(" "), QUOTE = code("'"), COLON = code(":"), COMMA = code(","), DIGIT_0 = code("0"), DIGIT_9 = code("9");
const LABEL_A = code("A"), LABEL_B = code("B"), LABEL_C = code("C");

/**
 * Reads the frequencies of the given terms from a stored keyword index's text form (tsvector output:
 * `'lexeme':1,4A,9B ...`, quotes and backslashes in a lexeme doubled, D weights not written), in the
 * tsvector's own lexeme order. A lexeme never holds whitespace, so an entry starts the text or follows a space.
 */
export function termFrequencyReader(terms: readonly string[]): (tsvector: string) => { term: string; frequency: TermFrequency }[] {
  const entries = terms.map((term) => ({ term, entry: `'${term.replace(/['\\]/g, (c) => c + c)}'` }));
  return (tsvector) => {
    const found: { term: string; at: number; frequency: TermFrequency }[] = [];
    for (const { term, entry } of entries) {
      let at = tsvector.indexOf(entry);
      // Not the tail of another lexeme's entry ('x' inside 'a''x'), nor the head of a longer one ('x''s').
      while (at >= 0 && ((at > 0 && tsvector.charCodeAt(at - 1) !== SPACE) || tsvector.charCodeAt(at + entry.length) === QUOTE)) at = tsvector.indexOf(entry, at + 1);
      if (at < 0) continue;
      const frequency: TermFrequency = { body: 0, heading: false, concept: false };
      let i = at + entry.length;
      if (tsvector.charCodeAt(i) === COLON) {
        // Positions: digits, then a label unless D; comma-separated up to the next space.
        for (i += 1; ; i += 1) {
          const c = tsvector.charCodeAt(i);
          if (c >= DIGIT_0 && c <= DIGIT_9) continue;
          if (c === LABEL_A) frequency.heading = true;
          else if (c === LABEL_B) frequency.concept = true;
          else if (c !== LABEL_C) frequency.body += 1;
          if (c === LABEL_A || c === LABEL_B || c === LABEL_C) i += 1;
          if (tsvector.charCodeAt(i) !== COMMA) break;
        }
      }
      found.push({ term, at, frequency });
    }
    return found.sort((a, b) => a.at - b.at).map(({ term, frequency }) => ({ term, frequency }));
  };
}

export interface QueryTerm {
  term: string;
  /** Multiplies the term's contribution to the keyword score and to keyword coverage. */
  weight: number;
  /** For an alias's token: the query's own tokens of the term it stands for, which a passage with the alias covers. */
  standsFor?: readonly string[];
}

/**
 * The weight of an alias's words when the query names the term it stands for (or the other way round):
 * spread over the alias's tokens (divided by the square root of their number), so a long name does not
 * outweigh the patient's own words.
 */
export const ALIAS_TERM_WEIGHT = 1;

interface AliasMatcher {
  find: ConceptFinder;
  phrases: string[][];
}

/** One matcher per avatar's association list (the list is one array per statistics cache entry). */
const aliasMatchers = new WeakMap<readonly AliasPair[], AliasMatcher>();

function aliasMatcher(pairs: readonly AliasPair[]): AliasMatcher {
  let matcher = aliasMatchers.get(pairs);
  if (!matcher) {
    matcher = { find: conceptFinder(pairs.map((p, i) => ({ id: String(i), phrases: [p.term, p.alias] }))), phrases: pairs.map((p) => [p.term, p.alias]) };
    aliasMatchers.set(pairs, matcher);
  }
  return matcher;
}

/** How many of the avatar's passages contain a phrase, estimated by its rarest token (0 when unknown). */
function phraseFrequency(tokens: readonly string[], df: ReadonlyMap<string, number>): number {
  let least = Number.POSITIVE_INFINITY;
  for (const t of tokens) least = Math.min(least, df.get(t) ?? 0);
  return Number.isFinite(least) ? least : 0;
}

/**
 * The query's distinct keyword tokens at full weight, then the lexicon concepts it mentions at a lower
 * one, then (given the avatar's term associations) the words of the aliases of the terms it names.
 * An alias is added only where the materials use it more than the form the patient used (df: the
 * avatar's document frequencies): where both forms are common, the alias would only add weight to the
 * topic as a whole and drown the words that say what about it is asked.
 */
export function queryTerms(query: string, associations: readonly AliasPair[] = [], df: ReadonlyMap<string, number> = new Map()): QueryTerm[] {
  const words = queryTokens(query).map((term) => ({ term, weight: 1 }));
  const weights = new Map<string, number>(words.map((w) => [w.term, w.weight]));
  const standsFor = new Map<string, readonly string[]>();
  const add = (term: string, weight: number) => {
    if ((weights.get(term) ?? 0) < weight) weights.set(term, weight);
  };
  for (const term of new Set(conceptTokens(query))) add(term, CONCEPT_TERM_WEIGHT);
  if (associations.length > 0) {
    const matcher = aliasMatcher(associations);
    const own = new Set(words.map((w) => w.term));
    for (const index of new Set(matcher.find(segmentText(query)))) {
      const sides = matcher.phrases[Number(index)]!.map(queryTokens);
      // The side the query names (all its tokens are the query's) and the other one.
      const named = sides.findIndex((tokens) => tokens.length > 0 && tokens.every((t) => own.has(t)));
      const other = sides[named === 0 ? 1 : 0]!;
      if (named < 0 || other.length === 0 || phraseFrequency(other, df) <= phraseFrequency(sides[named]!, df)) continue;
      for (const token of other) {
        if (own.has(token)) continue;
        add(token, ALIAS_TERM_WEIGHT / Math.sqrt(other.length));
        standsFor.set(token, sides[named]!);
      }
    }
  }
  return [...weights].map(([term, weight]) => (standsFor.has(term) ? { term, weight, standsFor: standsFor.get(term)! } : { term, weight }));
}

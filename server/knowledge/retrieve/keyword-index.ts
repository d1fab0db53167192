/**
 * What the keyword index holds for a passage and what a query looks for in it. One tsvector per
 * passage, built from app-side tokens with the 'simple' config, in three labelled fields:
 * - A: title and heading tokens (a heading names what the text under it is about, so it weighs more);
 * - B: concept tokens, one per synonym concept mentioned (synonyms.ts), so "heart attack" meets
 *   "myocardial infarction" and "心梗" in keyword search as it does in the offline embedder;
 * - D (the default label): the body's tokens.
 */
import { type SQL, sql } from "drizzle-orm";
import { findGeneralConcepts, findMedicalConcepts } from "@/server/knowledge/text/concepts";
import { keywordTokens, queryTokens, segmentText } from "@/server/knowledge/text/tokenize";

/**
 * Concept tokens look like no word: a prefix and the concept id's letters and digits. Concepts only
 * reach the index through this function, and the result is tsquery-safe ([a-z0-9]).
 */
const CONCEPT_PREFIX = "zc";

/**
 * A query's concept tokens count this much against its own words: an expansion is a weaker signal than
 * a word the patient used, and full weight let broad concepts drown specific words.
 */
export const CONCEPT_TERM_WEIGHT = 0.5;

export function conceptTokens(text: string): string[] {
  const segments = segmentText(text);
  return [...findMedicalConcepts(segments), ...findGeneralConcepts(segments)].map(
    (concept) => CONCEPT_PREFIX + concept.toLowerCase().replace(/[^a-z0-9]/g, ""),
  );
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

export interface QueryTerm {
  term: string;
  /** Multiplies the term's contribution to the keyword score and to keyword coverage. */
  weight: number;
}

/** The query's distinct keyword tokens at full weight, then the concepts it mentions at a lower one. */
export function queryTerms(query: string): QueryTerm[] {
  const words = queryTokens(query).map((term) => ({ term, weight: 1 }));
  const concepts = [...new Set(conceptTokens(query))].map((term) => ({ term, weight: CONCEPT_TERM_WEIGHT }));
  return [...words, ...concepts];
}

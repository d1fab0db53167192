import { keywordTokens } from "@/server/knowledge/text/tokenize";
import { conceptTokens } from "./keyword-index";

/** A text's keyword tokens and the concept tokens of the lexicon phrases in it. */
export const contentTokens = (text: string): string[] => [...keywordTokens(text), ...conceptTokens(text)];

/**
 * A bounded map from texts to their content token sets, evicting in insertion order. For document text
 * that recurs from turn to turn (headings, the sentences of retrieved passages): finding a text's concepts
 * is the costliest part of tokenizing it. Never for patients' messages, which should not stay in memory.
 */
export function contentTokenCache(size: number): (text: string) => ReadonlySet<string> {
  const entries = new Map<string, ReadonlySet<string>>();
  return (text) => {
    const hit = entries.get(text);
    if (hit) return hit;
    const tokens = new Set(contentTokens(text));
    if (entries.size >= size) entries.delete(entries.keys().next().value!);
    entries.set(text, tokens);
    return tokens;
  };
}

/**
 * Offline follow-up rewriting: a short or anaphoric message ("what about for children?", "那孩子呢？")
 * means little to retrieval alone, so it is combined with the key terms of the patient's previous question.
 */
import { weightedLength } from "@/server/knowledge/text/language";
import { keyTerms } from "./phrases";

const ANAPHORIC_EN = /^(?:and|but|also|so|then)\b|^(?:what|how) about\b|^what if\b|\b(?:it|that|this|they|them|those|these)\b/i;
const ANAPHORIC_ZH = /^(?:那|那么|还有|如果是|要是|另外|它|这个|那个)|呢[？?]?$/;
/** Shorter than this (Chinese characters count 2.5) a question is taken as depending on the last one. */
const SHORT = 30;
/** At most this many content words of the last question are carried over. */
const CARRIED_TERMS = 6;

export function isFollowUp(message: string): boolean {
  const m = message.trim();
  return weightedLength(m) < SHORT && (ANAPHORIC_EN.test(m) || ANAPHORIC_ZH.test(m) || keyTerms(m).length <= 1);
}

/** The message for retrieval: itself, or with the previous question's key terms when it is a follow-up. */
export function rewriteFollowUp(message: string, previousQuestions: readonly string[]): string {
  const previous = previousQuestions.at(-1);
  if (!previous || !isFollowUp(message)) return message;
  const own = new Set(keyTerms(message).map((t) => t.toLowerCase()));
  const carried = keyTerms(previous)
    .filter((t) => !own.has(t.toLowerCase()))
    .slice(0, CARRIED_TERMS);
  return carried.length ? `${message.trim()} ${carried.join(" ")}` : message;
}

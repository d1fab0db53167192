// The rule shapes live beside the rule files (not in detect.ts) so the rules import no detector code.
import type { CrisisCategory, CrisisLevel } from "@/db/schema/crisis-types";

/** One reviewable detection rule. Pattern strings are regex sources matched on normalized text. */
export interface CrisisRule {
  /** Short stable id, shown in evidence and audit logs. Ids containing ".poison" mark poisoning. */
  id: string;
  category: CrisisCategory;
  level: CrisisLevel;
  /** A regex source, or alternatives (any of them matches) listed one per line for review. */
  pattern: string | string[];
  /** Compound rule: each of these must also match (un-negated) in this message or the recent turns. */
  with?: string[];
  /** The level becomes "imminent" when this also matches in the message ("now", "tonight"). */
  imminentIf?: string;
  /** The rule does not apply when this matches anywhere in the message (accident, chronic, past). */
  unless?: string;
  /** Only meaningful after earlier turns showed risk of the same category ("tonight is the night"). */
  needsRecent?: true;
  /** Hyperbole-prone wording ("my mum will kill me"): ignored when the message jokes (lol, 哈哈). */
  jokeable?: true;
  /**
   * The pattern spells out its own frame, so the reported-speech and hypothetical checks are skipped
   * (negation still applies): "the nurse asked if I'd thought of suicide — I said yes" is an answer.
   */
  ownsFrame?: true;
}

/** Everything language-specific the detector needs besides the rules. */
export interface CrisisRuleSet {
  rules: CrisisRule[];
  /** Matches the END of the clause text before a hit when that hit is negated ("i am not", "我没有"). */
  negatedPrefix: string;
  /** Clause separators: negation scope and first-person checks stay inside one clause. */
  clauseBreak: string;
  /** Framing that turns a hit into reported speech (films, teaching, warning signs), per category. */
  reportedFrame: Record<CrisisCategory, string>;
  /** First person in the hit's clause overrides a reported frame ("after that film I want to die too"). */
  firstPerson: string;
  /** Hypothetical questions about other people ("what should I do if a friend says…"): never the writer's crisis. */
  hypothetical: string;
  /** Joking markers that disarm `jokeable` rules. */
  jocular: string;
  /**
   * A question that only looks like a negation (有没有, 会不会, 想不想): tested on the clause up to
   * and including the hit's first character; when it matches, `negatedPrefix` is not applied.
   */
  question?: string;
  /**
   * History-only messages. When some set's `recovered` matches (a past attempt or self-harm with an
   * explicit statement of being well now) and no set's `relapse` matches (current distress, "again"),
   * suicide hits in a sentence that matches this set's `history` marker are not counted.
   */
  history: string;
  recovered: string;
  relapse: string;
}

/**
 * Crisis detector: runs on every patient message before retrieval or generation.
 * Rule-based and synchronous so the safety path never depends on a model being up.
 * The patterns live as reviewable data in ./rules/en.ts and ./rules/zh.ts; this file only
 * normalizes text and applies them (negation, reported speech, jokes, compound rules, turns).
 */
import { EN_RULES } from "./rules/en";
import { ZH_RULES } from "./rules/zh";
import { normalizeText } from "./normalize";
import { crisisModel } from "./classifier/committed";
import { categoryScores, type ClassifierResult, type CrisisThresholds } from "./classifier/model";
import type { CrisisCategory, CrisisEvidence, CrisisLevel, CrisisVerdict } from "@/db/schema/crisis-types";
import type { CrisisRuleSet } from "./rules/rule-set";

export type { CrisisCategory, CrisisEvidence, CrisisLevel, CrisisVerdict };

/** Earlier patient turns considered for build-up; older turns are history, not the present. */
const RECENT_WINDOW = 3;
const LEVEL_RANK: Record<CrisisLevel, number> = { concern: 0, high: 1, imminent: 2 };
/** Intentional overdose is suicide, abuse injuries are violence: the cause outranks the injury. */
const PRECEDENCE: CrisisCategory[] = ["suicide", "violence", "medical"];
const SENTENCE_BREAK = /[!?。！？\n]+|\.(?!\d)/g;

interface CompiledRule {
  id: string;
  category: CrisisCategory;
  level: CrisisLevel;
  parts: RegExp[];
  imminentIf: RegExp | null;
  unless: RegExp | null;
  needsRecent: boolean;
  jokeable: boolean;
  ownsFrame: boolean;
}
interface CompiledSet {
  /** The set is skipped for a message without a single character of its script (no rule could match). */
  script: RegExp;
  rules: CompiledRule[];
  negatedPrefix: RegExp;
  clauseBreak: RegExp;
  reportedFrame: Record<CrisisCategory, RegExp>;
  firstPerson: RegExp;
  hypothetical: RegExp;
  question: RegExp | null;
  history: RegExp;
  recovered: RegExp;
  relapse: RegExp;
}

const alternatives = (pattern: string | string[]) => (Array.isArray(pattern) ? pattern.join("|") : pattern);

function compileSet(set: CrisisRuleSet, script: RegExp): CompiledSet {
  const test = (source: string) => new RegExp(source, "u");
  return {
    script,
    rules: set.rules.map((rule) => ({
      id: rule.id,
      category: rule.category,
      level: rule.level,
      parts: [alternatives(rule.pattern), ...(rule.with ?? [])].map((source) => new RegExp(source, "gu")),
      imminentIf: rule.imminentIf ? test(rule.imminentIf) : null,
      unless: rule.unless ? test(rule.unless) : null,
      needsRecent: rule.needsRecent === true,
      jokeable: rule.jokeable === true,
      ownsFrame: rule.ownsFrame === true,
    })),
    negatedPrefix: test(`(?:${set.negatedPrefix})$`),
    clauseBreak: new RegExp(set.clauseBreak, "gu"),
    reportedFrame: {
      suicide: test(set.reportedFrame.suicide),
      medical: test(set.reportedFrame.medical),
      violence: test(set.reportedFrame.violence),
    },
    firstPerson: test(set.firstPerson),
    hypothetical: test(set.hypothetical),
    question: set.question ? test(`(?:${set.question})$`) : null,
    history: test(set.history),
    recovered: test(set.recovered),
    relapse: test(set.relapse),
  };
}

// Compiled once at module load; both languages' rules are checked on every message that contains
// their script, because patients mix scripts ("I 真的不想活了"). English rules all need a Latin
// letter and Chinese rules a Han character, so a set is skipped when its script is absent.
const SETS: CompiledSet[] = [compileSet(EN_RULES, /[a-z]/), compileSet(ZH_RULES, /\p{Script=Han}/u)];
const JOCULAR = new RegExp(`${EN_RULES.jocular}|${ZH_RULES.jocular}`, "u");

// ---------------------------------------------------------------------------------------------
// Matching

interface Doc {
  text: string;
  sentenceBreaks: Array<[number, number]>;
  clauseBreaks: Map<CompiledSet, Array<[number, number]>>;
  /** Rule sets whose script occurs in the text (the others cannot match). */
  scripts: Set<CompiledSet>;
  jocular: boolean;
  /** Past suicidal history stated as over ("tried ten years ago, doing well now") with no current distress. */
  recoveredHistory: boolean;
}

function breakSpans(text: string, pattern: RegExp): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(pattern)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

function prepare(raw: string): Doc {
  const text = normalizeText(raw);
  const clauseBreaks = new Map<CompiledSet, Array<[number, number]>>();
  const scripts = new Set<CompiledSet>();
  for (const set of SETS) {
    if (!set.script.test(text)) continue;
    scripts.add(set);
    clauseBreaks.set(set, breakSpans(text, set.clauseBreak));
  }
  const active = [...scripts];
  const recoveredHistory =
    active.some((set) => set.recovered.test(text)) && !active.some((set) => set.relapse.test(text));
  return {
    text,
    sentenceBreaks: breakSpans(text, SENTENCE_BREAK),
    clauseBreaks,
    scripts,
    jocular: JOCULAR.test(text),
    recoveredHistory,
  };
}

/** [start, end) of the segment between separators that contains the hit. */
function enclosing(spans: Array<[number, number]>, start: number, end: number, length: number): [number, number] {
  let from = 0;
  let to = length;
  for (const [s, e] of spans) {
    if (e <= start) from = e;
    else if (s >= end) {
      to = s;
      break;
    }
  }
  return [from, to];
}

/**
 * A hit counts unless it is negated, framed as reported speech, a question about someone else, or
 * (suicide only) part of a history the writer states is over.
 */
function accepted(
  doc: Doc,
  set: CompiledSet,
  category: CrisisCategory,
  start: number,
  end: number,
  ownsFrame = false,
): boolean {
  const [clauseStart, clauseEnd] = enclosing(doc.clauseBreaks.get(set) ?? [], start, end, doc.text.length);
  const prefix = doc.text.slice(clauseStart, start);
  if (set.negatedPrefix.test(prefix) && !set.question?.test(doc.text.slice(clauseStart, start + 1))) return false;
  const [sentenceStart, sentenceEnd] = enclosing(doc.sentenceBreaks, start, end, doc.text.length);
  const sentence = doc.text.slice(sentenceStart, sentenceEnd);
  if (category === "suicide" && doc.recoveredHistory && set.history.test(sentence)) return false;
  if (ownsFrame) return true;
  if (set.hypothetical.test(sentence)) return false;
  if (set.reportedFrame[category].test(sentence)) {
    const clause = doc.text.slice(clauseStart, clauseEnd);
    if (!set.firstPerson.test(clause)) return false;
  }
  return true;
}

// exec() on the compiled global regex instead of matchAll(): matchAll clones the regex on every call,
// and with hundreds of rules per message that allocation dominated the latency tail.
function firstAcceptedHit(
  doc: Doc,
  set: CompiledSet,
  category: CrisisCategory,
  pattern: RegExp,
  ownsFrame = false,
): string | null {
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(doc.text)) !== null) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (accepted(doc, set, category, m.index, m.index + m[0].length, ownsFrame)) {
      pattern.lastIndex = 0;
      return m[0].trim();
    }
  }
  return null;
}

/** Evidence from one message; compound parts may be completed from `window` (earlier turns). */
function evaluate(doc: Doc, window: Doc[], recentCategories: ReadonlySet<CrisisCategory>): CrisisEvidence[] {
  const evidence: CrisisEvidence[] = [];
  for (const set of SETS) {
    if (!doc.scripts.has(set)) continue;
    for (const rule of set.rules) {
      if (rule.needsRecent && !recentCategories.has(rule.category)) continue;
      if (rule.jokeable && doc.jocular) continue;
      if (rule.unless?.test(doc.text)) continue;
      const phrases: string[] = [];
      let inCurrent = false;
      for (const part of rule.parts) {
        const here = firstAcceptedHit(doc, set, rule.category, part, rule.ownsFrame);
        if (here !== null) {
          phrases.push(here);
          inCurrent = true;
          continue;
        }
        if (rule.parts.length === 1) break;
        // Most recent turn first: symptoms described a moment ago complete today's compound.
        let earlier: string | null = null;
        for (let i = window.length - 1; i >= 0 && earlier === null; i--) {
          earlier = firstAcceptedHit(window[i]!, set, rule.category, part, rule.ownsFrame);
        }
        if (earlier === null) break;
        phrases.push(earlier);
      }
      // The current message must itself contribute, so old turns alone never fire a rule.
      if (phrases.length !== rule.parts.length || !inCurrent) continue;
      const level = rule.imminentIf?.test(doc.text) ? "imminent" : rule.level;
      evidence.push({ phrase: phrases.join(" + "), rule: rule.id, category: rule.category, level });
    }
  }
  return evidence;
}

function verdictFrom(evidence: CrisisEvidence[]): CrisisVerdict {
  if (evidence.length === 0) return { category: null, level: null, evidence: [] };
  const sorted = [...evidence].sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);
  // Category: precedence among crisis-tier evidence, so a concern never masks a real emergency.
  const crisisTier = sorted.filter((e) => e.level !== "concern");
  const pool = crisisTier.length > 0 ? crisisTier : sorted;
  const category = PRECEDENCE.find((c) => pool.some((e) => e.category === c)) ?? null;
  // Level: the most urgent evidence overall ("I want to die" + crushing chest pain is imminent).
  return { category, level: sorted[0]!.level, evidence: sorted };
}

/**
 * Rule-based; never needs a model. `recent` = earlier patient turns of the conversation, oldest first.
 *
 * Turn policy (last 3 earlier turns):
 * - Compound rules may take parts from earlier turns, and cue phrases ("tonight is the night")
 *   count after earlier risk of the same category — but the current message must contribute a hit.
 * - Risk seen in earlier turns is carried as "concern" evidence (rule "recent:<id>"), so the reply
 *   keeps a supportive addendum without replacing an unrelated answer; the one exception is
 *   imminent risk in the immediately preceding turn, kept at "high" for one more turn because an
 *   emergency is not over a message later.
 */
export function assessCrisisRules(input: { message: string; recent?: string[] }): CrisisVerdict {
  const window = (input.recent ?? []).slice(-RECENT_WINDOW).map(prepare);
  const noRecent = new Set<CrisisCategory>();
  const perTurn = window.map((turn) => evaluate(turn, [], noRecent));
  const recentCategories = new Set(perTurn.flat().map((e) => e.category));
  const evidence = evaluate(prepare(input.message), window, recentCategories);

  const seen = new Set<string>();
  // Newest turn first, so a rule seen in several turns is carried at its most recent weight.
  for (let i = perTurn.length - 1; i >= 0; i--) {
    const previousTurn = i === perTurn.length - 1;
    for (const e of perTurn[i]!) {
      const rule = `recent:${e.rule}`;
      if (seen.has(rule)) continue;
      seen.add(rule);
      const level: CrisisLevel = previousTurn && e.level === "imminent" ? "high" : "concern";
      evidence.push({ ...e, rule, level });
    }
  }
  return verdictFrom(evidence);
}

/**
 * The detector every patient message goes through: the vetted rules (high precision, with their
 * evidence) plus the learned classifier. The classifier adds check-ins and crises; it never removes
 * a flag, but when it is confident a message is none (a novelist's question, a nurse's protocol
 * question, a joke) a rule's crisis becomes a check-in: the patient is asked, not a human paged.
 * Synchronous and in-process: no model server, no network.
 */
export function assessCrisis(input: { message: string; recent?: string[] }): CrisisVerdict {
  return inContext(assessMessage(input.message), input.recent ?? []);
}

/**
 * A message's own assessment, made once as it arrives (before any rate limit or database read): the
 * classifier's scores, which read this message alone, and the verdict without the conversation.
 */
export interface MessageAssessment {
  message: string;
  learned: ClassifierResult;
  verdict: CrisisVerdict;
}

export function assessMessage(message: string): MessageAssessment {
  const model = crisisModel();
  const learned = categoryScores(model, message);
  return { message, learned, verdict: combineVerdicts(assessCrisisRules({ message }), learned, model.thresholds) };
}

/** The verdict with the patient's earlier turns (oldest first): only the rules read them again; a first message's verdict stands. */
export function inContext(assessment: MessageAssessment, recent: string[]): CrisisVerdict {
  if (recent.length === 0) return assessment.verdict;
  return combineVerdicts(assessCrisisRules({ message: assessment.message, recent }), assessment.learned, crisisModel().thresholds);
}

/**
 * Rules and classifier into one verdict. Each category whose calibrated score reaches the check-in
 * threshold is evidence at "concern" (check-in), or at "high" (crisis) past the crisis threshold.
 * When no category reaches check-in anywhere and the whole message is confidently none, the rules'
 * evidence from this message is lowered to "concern"; past the stricter dismissal threshold it is
 * dropped, except an imminent hit, which stays a check-in. Evidence carried from earlier turns is
 * never lowered: the model reads one message, not the conversation.
 */
export function combineVerdicts(rules: CrisisVerdict, learned: ClassifierResult, thresholds: CrisisThresholds): CrisisVerdict {
  const evidence: CrisisEvidence[] = [];
  for (const category of PRECEDENCE) {
    const score = learned.scores[category];
    if (score < thresholds.checkIn) continue;
    const level: CrisisLevel = score >= thresholds.crisis ? "high" : "concern";
    evidence.push({ phrase: learned.evidence[category], rule: `classifier:${category}`, category, level });
  }
  const modelSeesNone = evidence.length === 0;
  const lower = modelSeesNone && learned.nonCrisis >= thresholds.confidentNonCrisis;
  const dismiss = modelSeesNone && learned.nonCrisis >= thresholds.dismissNonCrisis;
  for (const e of rules.evidence) {
    if (e.rule.startsWith("recent:") || !lower) evidence.push(e);
    else if (!dismiss || e.level === "imminent") evidence.push({ ...e, level: "concern" });
  }
  return { ...verdictFrom(evidence), scores: learned.scores };
}

/** true for imminent/high: the avatar must NOT answer from knowledge, it sends the vetted reply. */
export function isCrisisReply(v: CrisisVerdict): boolean {
  return v.level === "imminent" || v.level === "high";
}

/**
 * Clinic-room mode, the deciding part: which protocol a message opens, what an answer means, which
 * question comes next, and when a red flag changes the course. Pure functions over the protocol and
 * the conversation's protocol state; the engine persists the state and words the replies.
 */
import { URGENCY_LEVELS, type UrgencyLevel } from "@/db/schema/columns";
import type { ProtocolAnswer, ProtocolQuestion, ProtocolState, RedFlag } from "@/db/schema/protocols";
import type { ChatProtocol } from "@/server/protocols/protocol.service";
import { HAN_CLASS } from "@/server/knowledge/text/language";
import { hanTokens, segmentText } from "@/server/knowledge/text/tokenize";
import { containsPhrase, firstPhraseIn, mentionsNegation } from "./compose/phrases";

const UNKNOWN = /不知道|不清楚|不确定|说不清|说不好|记不清|不记得|没注意|don'?t know|do not know|not sure|no idea|unsure|can'?t (?:remember|say|tell)|dunno|i'?m not certain/i;
const STOP =
  /^\s*(?:stop|quit|cancel|exit|enough|never ?mind|no more questions|skip (?:this|these|the questions))\b|stop asking|停止|不问了|别问了|不要再问|算了|退出|结束问诊|不想回答|不用问了/i;
const QUESTION_WORDS = /^(?:what|how|why|when|where|which|who|can|could|should|would|is|are|do|does|will|may)\b/i;
const HAN_QUESTION = /吗[？?]?$|什么|怎么|为什么|如何|能不能|可不可以|是否|哪些|哪里/;
/** Answers like these fill only the question being asked, never a later one. */
const YES_NO = new Set(["yes", "no", "yeah", "yep", "nope", "y", "n", "是", "否", "有", "没有", "不是", "对", "不", "没", "是的", "没有的"]);
const YES_WORDS = new Set(["yes", "yeah", "yep", "y", "是", "有", "对", "是的"]);
const NO_WORDS = new Set(["no", "nope", "n", "否", "没有", "不是", "不", "没", "没有的"]);
const HAN_CHAR = new RegExp(`[${HAN_CLASS}]`);
export const CLAUSE_BREAK = /[,.;!?，。；！？]|\bbut\b|但是?|不过|可是/i;

const HAN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "十二" → 12, "二十" → 20, "三" → 3, "一百" → 100; null when not a Chinese numeral. */
function hanNumber(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in HAN_DIGITS) current = HAN_DIGITS[ch]!;
    else if (ch === "十" || ch === "百") {
      total += (current || 1) * (ch === "十" ? 10 : 100);
      current = 0;
    } else return null;
  }
  return total + current;
}

const NUMBER = /(\d+(?:\.\d+)?)|([零一二两三四五六七八九十百]+)(?:个)?(半)?|(半)/g;

/** Numbers in the text with what follows each (for the unit), in order. */
function numbersIn(text: string): { value: number; after: string }[] {
  const found: { value: number; after: string }[] = [];
  for (const m of text.normalize("NFKC").matchAll(NUMBER)) {
    const value = m[1] ? Number(m[1]) : m[2] ? (hanNumber(m[2]) ?? NaN) + (m[3] ? 0.5 : 0) : 0.5;
    if (Number.isFinite(value)) found.push({ value, after: text.normalize("NFKC").slice(m.index! + m[0].length, m.index! + m[0].length + 20) });
  }
  return found;
}

function hasUnit(after: string, q: Pick<ProtocolQuestion, "unit" | "unitAliases">): boolean {
  const units = [q.unit, ...q.unitAliases].filter(Boolean);
  const rest = after.replace(/^\s*个?/, "");
  return units.some((u) => {
    if (/[^\x00-\x7f]/.test(u)) return rest.startsWith(u);
    const first = segmentText(rest)[0];
    const unit = segmentText(u)[0];
    return first?.kind === "latin" && unit?.kind === "latin" && first.stem === unit.stem;
  });
}

/** Other time units a day-counting question accepts, in days: "40 minutes ago" is day 0, "两周" 14 days. */
const DAY_EQUIVALENTS: { units: string[]; days: number }[] = [
  { units: ["minute", "min", "hour", "hr", "分钟", "分", "小时", "钟头"], days: 0 },
  { units: ["week", "wk", "周", "星期", "礼拜"], days: 7 },
];
/** Durations said without a number ("an hour ago", "a week"). */
const ARTICLE_DURATION = /\b(?:an?|few|couple of|several)\s+(?:(minute|min|hour|hr)|(week))s?\b/i;

function isDayQuestion(q: ProtocolQuestion): boolean {
  return hasUnit("day", q) || hasUnit("天", q);
}

/** The number of days a duration in another unit stands for, or null. */
function dayEquivalent(numbers: { value: number; after: string }[], text: string): number | null {
  for (const n of numbers) {
    for (const { units, days } of DAY_EQUIVALENTS) {
      if (hasUnit(n.after, { unit: "", unitAliases: units })) return days === 0 ? 0 : Math.round(n.value * days);
    }
  }
  const article = ARTICLE_DURATION.exec(text);
  return article ? (article[1] ? 0 : 7) : null;
}

/** The yes and the no option of a yes/no question, or null for any other choice. */
function yesNoOptions(q: ProtocolQuestion): { yes: string; no: string } | null {
  const labelFor = (words: Set<string>) =>
    q.options.find((o) => [o.label, ...o.aliases].some((w) => words.has(w.trim().toLowerCase())))?.label;
  const yes = labelFor(YES_WORDS);
  const no = labelFor(NO_WORDS);
  return yes && no && yes !== no ? { yes, no } : null;
}

/**
 * The things a yes/no question asks about ("left arm, jaw or back", "左臂、下颌或后背"): its English
 * content words and Chinese bigrams, less the words of the complaint the protocol is about (the chest
 * pain is given; whether it spreads to the arm is the question).
 */
function askedTerms(questionText: string, topic: string): string[] {
  const topicStems = new Set(segmentText(topic).flatMap((s) => (s.kind === "latin" ? [s.stem] : [])));
  const topicHan = new Set([...topic].filter((c) => HAN_CHAR.test(c)));
  const terms: string[] = [];
  for (const s of segmentText(withCanonicalBodyParts(questionText))) {
    if (s.kind === "latin") {
      if (!s.stop && !topicStems.has(s.stem) && !/\d/.test(s.word)) terms.push(s.word);
    } else {
      for (const token of hanTokens(s.text)) if (token.length === 2 && ![...token].some((c) => topicHan.has(c))) terms.push(token);
    }
  }
  return [...new Set(terms)];
}

/** Everyday Chinese names of body parts folded into the written ones questions use ("左胳膊" → "左臂"). */
const BODY_PART_NAMES: [RegExp, string][] = [
  [/胳膊|胳臂|手臂/g, "臂"],
  [/下巴|下颚/g, "下颌"],
  [/背部|(?<!后)背/g, "后背"],
  [/肩膀/g, "肩"],
  [/脖子|颈部/g, "颈"],
  [/肚子|腹部/g, "腹"],
];

function withCanonicalBodyParts(text: string): string {
  return BODY_PART_NAMES.reduce((t, [from, to]) => t.replace(from, to), text.normalize("NFKC"));
}

/**
 * An answer that describes instead of saying yes or no ("it goes into my left arm and jaw", "左胳膊也疼"):
 * affirming a thing the question asks about is Yes, only negating them ("it doesn't spread", "没有放射") is No.
 */
function describedYesNo(q: ProtocolQuestion, message: string, topic: string): string | null {
  const options = yesNoOptions(q);
  if (!options) return null;
  const terms = askedTerms(q.text, topic);
  let negated = false;
  // A negation anywhere in the clause denies what it names: "it doesn't go to my arm", "左胳膊不疼".
  for (const clause of withCanonicalBodyParts(message).split(CLAUSE_BREAK)) {
    if (!terms.some((term) => containsPhrase(clause, term))) continue;
    if (!mentionsNegation(clause)) return options.yes;
    negated = true;
  }
  return negated ? options.no : null;
}

export function isUnknown(message: string): boolean {
  return UNKNOWN.test(message);
}

export function isStop(message: string): boolean {
  return STOP.test(message);
}

/** A message asking something rather than answering. */
export function looksLikeQuestion(message: string): boolean {
  const m = message.trim();
  return /[?？]$/.test(m) || QUESTION_WORDS.test(m) || HAN_QUESTION.test(m);
}

/**
 * What the message answers to this question, or null. The question being asked accepts a bare number,
 * any option word and (for free text) anything; a later question only a number with its unit or an
 * option named by a content word, so "3 days" can fill "How long?" before it is asked.
 */
export function parseAnswer(q: ProtocolQuestion, message: string, current: boolean, topic = ""): ProtocolAnswer | null {
  const text = message.trim();
  if (q.kind === "number") {
    const numbers = numbersIn(text);
    const withUnit = numbers.find((n) => hasUnit(n.after, q));
    if (withUnit) return { value: withUnit.value, text, unknown: false };
    const days = isDayQuestion(q) ? dayEquivalent(numbers, text) : null;
    if (days !== null) return { value: days, text, unknown: false };
    return current && numbers.length > 0 ? { value: numbers[0]!.value, text, unknown: false } : null;
  }
  if (q.kind === "choice") {
    // The option with the longest matching word wins, so "没有" is No even though it contains "有".
    let best: { label: string; length: number } | null = null;
    for (const option of q.options) {
      for (const word of [option.label, ...option.aliases]) {
        const yesNo = YES_NO.has(word.trim().toLowerCase());
        if ((!current && yesNo) || !containsPhrase(text, word, { negationAware: !yesNo })) continue;
        if (!best || word.length > best.length) best = { label: option.label, length: word.length };
      }
    }
    if (best) return { value: best.label, text, unknown: false };
    const described = current ? describedYesNo(q, text, topic) : null;
    return described ? { value: described, text, unknown: false } : null;
  }
  return current && text ? { value: text, text, unknown: false } : null;
}

export function numberOutOfRange(q: ProtocolQuestion, value: number): boolean {
  return (q.min !== null && value < q.min) || (q.max !== null && value > q.max);
}

/** The red flag this answer raises, if any. */
export function redFlagFor(q: ProtocolQuestion, answer: ProtocolAnswer): RedFlag | null {
  if (answer.unknown) return null;
  for (const flag of q.redFlags) {
    const m = flag.match;
    if (m.type === "choice" && answer.value === m.option) return flag;
    if (m.type === "number" && typeof answer.value === "number" && (m.op === "gte" ? answer.value >= m.value : answer.value <= m.value)) return flag;
    if (m.type === "phrases" && m.phrases.some((p) => containsPhrase(answer.text, p, { negationAware: true }))) return flag;
  }
  return null;
}

/** The protocol whose trigger phrase the message contains (Chinese or English), first in the doctor's order. */
export function matchProtocol(protocols: readonly ChatProtocol[], message: string): ChatProtocol | null {
  return protocols.find((p) => firstPhraseIn(message, [...p.triggersZh, ...p.triggersEn]) !== null) ?? null;
}

export const moreUrgent = (a: UrgencyLevel | null, b: UrgencyLevel | null): UrgencyLevel | null =>
  a === null ? b : b === null ? a : URGENCY_LEVELS.indexOf(a) >= URGENCY_LEVELS.indexOf(b) ? a : b;

export type ProtocolStep =
  /** Ask this question (again, with a hint, when the last answer was not understood). */
  | { kind: "ask"; state: ProtocolState; question: ProtocolQuestion; retry: "number" | "choice" | "range" | null; filledAhead: number }
  /** A red flag asks for a human now: a crisis escalation. */
  | { kind: "escalate"; state: ProtocolState; question: ProtocolQuestion; flag: RedFlag }
  /** Every question answered, or an urge-care red flag: close with the summary and advice. */
  | { kind: "close"; state: ProtocolState; urgency: UrgencyLevel }
  /** The patient asked something else: leave the protocol and answer normally. */
  | { kind: "left" }
  | { kind: "stopped" };

/** Fills answers from the message (current question first, then later ones out of order) and decides the next step. */
function advance(protocol: ChatProtocol, state: ProtocolState, message: string, answeringIndex: number | null): ProtocolStep {
  const questions = protocol.questions;
  const answers = { ...state.answers };
  const filled: ProtocolQuestion[] = [];
  const topic = [protocol.chiefComplaint, ...protocol.triggersZh, ...protocol.triggersEn].join(" ");
  let retry: "number" | "choice" | "range" | null = null;
  if (answeringIndex !== null) {
    const q = questions[answeringIndex]!;
    if (isUnknown(message)) answers[q.id] = { value: null, text: message.trim(), unknown: true };
    else if (q.kind === "text" && looksLikeQuestion(message)) return { kind: "left" };
    else {
      const answer = parseAnswer(q, message, true, topic);
      if (answer && typeof answer.value === "number" && numberOutOfRange(q, answer.value)) retry = "range";
      else if (answer) {
        answers[q.id] = answer;
        filled.push(q);
      } else if (looksLikeQuestion(message)) return { kind: "left" };
      else retry = q.kind === "number" ? "number" : "choice";
    }
  }
  // A message may answer later questions too ("since yesterday, about 2 days, and it's throbbing").
  let filledAhead = 0;
  if (!isUnknown(message)) {
    questions.forEach((q, i) => {
      if (i === answeringIndex || answers[q.id]) return;
      const answer = parseAnswer(q, message, false, topic);
      if (!answer || (typeof answer.value === "number" && numberOutOfRange(q, answer.value))) return;
      answers[q.id] = answer;
      filled.push(q);
      filledAhead += 1;
    });
  }
  let next: ProtocolState = { ...state, answers };
  for (const q of filled) {
    const flag = redFlagFor(q, answers[q.id]!);
    if (!flag) continue;
    if (flag.action === "escalate") return { kind: "escalate", state: next, question: q, flag };
    next = { ...next, urgency: moreUrgent(next.urgency, flag.urgency), flags: [...next.flags, flag.message || q.text] };
  }
  if (next.flags.length > state.flags.length) return { kind: "close", state: next, urgency: moreUrgent(next.urgency, protocol.closingUrgency)! };
  if (retry !== null) return { kind: "ask", state: next, question: questions[answeringIndex!]!, retry, filledAhead };
  const step = questions.findIndex((q) => !answers[q.id]);
  if (step < 0) return { kind: "close", state: next, urgency: moreUrgent(next.urgency, protocol.closingUrgency)! };
  return { kind: "ask", state: { ...next, step }, question: questions[step]!, retry: null, filledAhead };
}

/** Opens the protocol on its trigger message, keeping whatever that message already answers. */
export function startProtocol(protocol: ChatProtocol, message: string): ProtocolStep {
  return advance(protocol, { protocolId: protocol.id, step: 0, answers: {}, urgency: null, flags: [] }, message, null);
}

/** The patient's reply inside a protocol. */
export function continueProtocol(protocol: ChatProtocol, state: ProtocolState, message: string): ProtocolStep {
  if (isStop(message)) return { kind: "stopped" };
  return advance(protocol, state, message, Math.min(state.step, protocol.questions.length - 1));
}

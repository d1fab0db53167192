/**
 * The check-in tier's screening question, and the built-in red-flag screen every avatar runs: which
 * vetted question a turn asks (server/safety/replies/screening.json) and what the patient's answer to
 * it says. Offline and rule-based, like the rest of the crisis path.
 */
import { getScreening, SCREENING_ANSWERS, SCREENING_IDS, type Screening, type ScreeningId } from "@/server/safety/replies";
import { containsPhrase, firstPhraseIn, mentionsNegation } from "./compose/phrases";
import { CLAUSE_BREAK } from "./protocol-flow";
import type { CrisisVerdictFound } from "./turn-types";

const SCREENINGS = SCREENING_IDS.map(getScreening);
/** The emergency families a medical check-in picks its question from, most time-critical first. */
const MEDICAL_FAMILIES = SCREENINGS.filter((s) => s.category === "medical" && s.id !== "medical");

/** The phrase of the message that opens the screen ("keep dropping things"), or null. */
function triggerIn(s: Screening, message: string): string | null {
  const one = firstPhraseIn(message, [...s.triggers.en.any, ...s.triggers["zh-CN"].any], { negationAware: true });
  if (one) return one;
  for (const groups of [...s.triggers.en.all, ...s.triggers["zh-CN"].all]) {
    const found = groups.map((alternatives) => firstPhraseIn(message, alternatives, { negationAware: true }));
    if (found.every(Boolean)) return found.join(" + ");
  }
  return null;
}

/**
 * The built-in red-flag screen: the first screen whose triggers the complaint fits, skipping those
 * already asked in this conversation, as a check-in verdict (its evidence names the screen).
 */
export function redFlagScreen(message: string, asked: ReadonlySet<ScreeningId>): { screening: ScreeningId; verdict: CrisisVerdictFound } | null {
  for (const s of SCREENINGS) {
    if (asked.has(s.id)) continue;
    const phrase = triggerIn(s, message);
    if (phrase) {
      return { screening: s.id, verdict: { category: s.category, level: "concern", evidence: [{ phrase, rule: `screen:${s.id}`, category: s.category, level: "concern" }] } };
    }
  }
  return null;
}

/** The question a check-in verdict asks: the category's, and for a medical one the emergency family the message fits. */
export function screeningForVerdict(verdict: CrisisVerdictFound, message: string): ScreeningId {
  if (verdict.category !== "medical") return verdict.category;
  return MEDICAL_FAMILIES.find((s) => triggerIn(s, message))?.id ?? "medical";
}

export type ScreeningAnswer = "yes" | "no" | "unclear";

const both = (list: Record<"en" | "zh-CN", string[]>) => [...list.en, ...list["zh-CN"]];
/** Hesitations before the answer itself ("um, yes", "呃……有过"). */
const LEADING_FILLER = /^(?:[\s\p{P}]|um+\b|uh+\b|er+\b|well\b|oh\b|hmm+\b|呃|唉|哎|这个|那个)+/iu;

/** Whether the clause starts with the phrase: "有过" in "有过，一两次", "yes" in "Yes, it is", not "有" in "情绪有点低落". */
function startsWith(clause: string, phrase: string): boolean {
  const c = clause.normalize("NFKC").toLowerCase().replace(LEADING_FILLER, "");
  const p = phrase.normalize("NFKC").toLowerCase();
  return c.startsWith(p) && (/[\u3400-\u9fff]$/u.test(p) || !/^[a-z0-9']/.test(c.slice(p.length)));
}

/**
 * What an answer to a screening question says. Any clause that affirms counts (safety first: "no…
 * well, sometimes" is a yes): one starting with yes (yes, 是的, 有过, 嗯), one with an affirming word
 * (sometimes, 有时) or one describing a yes to this question ("it goes into my arm"). A clause with a
 * negation denies, except a listed phrase that is itself negative ("not safe", "不安全"); "not sure"
 * and anything else is unclear.
 */
export function judgeScreeningAnswer(id: ScreeningId, answer: string): ScreeningAnswer {
  const specific = both(getScreening(id).yes);
  const negativeYes = specific.filter((p) => mentionsNegation(p));
  const anywhere = [...both(SCREENING_ANSWERS.affirming), ...specific.filter((p) => !negativeYes.includes(p))];
  let denied = false;
  let affirmed = false;
  for (const clause of answer.split(CLAUSE_BREAK).map((c) => c.trim()).filter(Boolean)) {
    if (negativeYes.some((p) => containsPhrase(clause, p))) affirmed = true;
    else if (both(SCREENING_ANSWERS.unsure).some((p) => containsPhrase(clause, p))) continue;
    else if (mentionsNegation(clause)) denied = true;
    else if (both(SCREENING_ANSWERS.yes).some((p) => startsWith(clause, p)) || anywhere.some((p) => containsPhrase(clause, p))) affirmed = true;
  }
  return affirmed ? "yes" : denied ? "no" : "unclear";
}

/** A yes to a screening question, as the crisis verdict it escalates with. */
export function screeningYesVerdict(id: ScreeningId, answer: string): CrisisVerdictFound {
  const s = getScreening(id);
  return { category: s.category, level: s.escalate, evidence: [{ phrase: answer.slice(0, 200), rule: `screening:${id}:yes`, category: s.category, level: s.escalate }] };
}

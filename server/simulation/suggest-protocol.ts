import type { CaseCard, TranscriptTurn } from "@/db/schema/case-card";

/**
 * Turns a doctor's consultation into a protocol draft, offline: the questions the doctor asked, in
 * order, cleaned of filler and repeats. The doctor reviews the draft; it is never enabled on its own.
 */

const QUESTION_MAX = 500;
const QUESTIONS_MAX = 30;

// Openers that carry no content ("OK, so…", "好的，那…"); stripped repeatedly from the start.
const FILLER = /^(?:(?:ok(?:ay)?|right|so|well|alright|thanks?|thank you|i see|got it|and|um+|uh+|hmm+|好的?|嗯+|那么?|明白了?|谢谢|哦|啊|了解|还有|那个|然后)[\s,，。.!！、…]*)+/iu;
const QUESTION_END = /[?？]$/u;
// Requests phrased without a question mark still ask something ("Tell me about…", "请说说…").
const REQUEST_START = /^(?:tell me|describe|show me|can you|could you|please|let me know|请|说说|讲讲|描述|告诉我|能不能|可以)/iu;

function sentences(text: string): string[] {
  return (text.match(/[^.!?。！？\n]+[.!?。！？]*/gu) ?? []).map((s) => s.trim()).filter(Boolean);
}

function clean(sentence: string): string {
  const stripped = sentence.replace(FILLER, "").trim();
  const text = stripped.length > 0 ? stripped : sentence;
  return (/^[a-z]/.test(text) ? text[0]!.toUpperCase() + text.slice(1) : text).slice(0, QUESTION_MAX);
}

/** Lower-cased, punctuation-free form used to drop a question asked twice. */
const normal = (s: string) => s.toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, "");

/** The interviewer's questions, in the order asked, without filler, orders of results or repeats. */
export function questionsFromTranscript(transcript: readonly TranscriptTurn[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const turn of transcript) {
    if (turn.role !== "interviewer" || turn.meta?.ordered) continue;
    for (const sentence of sentences(turn.text)) {
      const question = clean(sentence);
      if (!QUESTION_END.test(question) && !REQUEST_START.test(question)) continue;
      const key = normal(question);
      if (key.length < 2 || seen.has(key)) continue;
      seen.add(key);
      out.push(question);
      if (out.length === QUESTIONS_MAX) return out;
    }
  }
  return out;
}

export interface ProtocolDraft {
  title: string;
  chiefComplaint: string;
  triggersZh: string[];
  triggersEn: string[];
  questions: { id: string; text: string; kind: "text" }[];
  closingAdvice: string;
  closingUrgency: "self_care" | "days" | "today" | "emergency";
  enabled: false;
}

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

/** A disabled protocol draft in the protocol input shape: the doctor's questions plus the case's complaint and advice. */
export function protocolDraftFrom(card: CaseCard, transcript: readonly TranscriptTurn[]): ProtocolDraft {
  const questions = questionsFromTranscript(transcript).map((text, i) => ({ id: `q${i + 1}`, text, kind: "text" as const }));
  // The presenting illness's own keywords are what a patient with this complaint would say.
  const presenting = card.facts.filter((f) => f.topic === "presenting_illness").flatMap((f) => f.keywords);
  const triggers = [...new Set(presenting)].filter((k) => k.length <= 60).slice(0, 12);
  // A protocol needs at least one trigger: the complaint itself when the card gives no keywords.
  if (triggers.length === 0) triggers.push(card.chiefComplaint.slice(0, 60));
  return {
    title: card.chiefComplaint.slice(0, 120),
    chiefComplaint: card.chiefComplaint.slice(0, 200),
    triggersZh: triggers.filter(hasHan),
    triggersEn: triggers.filter((k) => !hasHan(k)),
    questions,
    closingAdvice: card.expected.expectedAdvice.slice(0, 2000),
    closingUrgency: card.expected.escalation.urgency ?? (card.expected.escalation.required ? "emergency" : "days"),
    enabled: false,
  };
}

import type { CaseCard, CaseCardInput } from "@/db/schema/case-card";

/**
 * The case form's state: the card with its lists as editable rows (a stable `key` each, for React)
 * and keywords as one comma-separated text, so typing never fights the parser.
 */
type Row<T> = T & { key: string };
export interface CaseDraft {
  name: string;
  age: string;
  sex: CaseCard["sex"];
  language: CaseCard["language"];
  specialty: string;
  chiefComplaint: string;
  openingLine: string;
  personality: CaseCard["personality"];
  crisis: boolean;
  facts: Row<{ topic: CaseCard["facts"][number]["topic"]; answer: string; keywords: string }>[];
  results: Row<{ name: string; result: string; keywords: string }>[];
  hiddenRedFlags: Row<{ text: string }>[];
  mustAsk: Row<{ question: string; keywords: string }>[];
  escalationRequired: boolean;
  escalationCategory: "" | NonNullable<CaseCard["expected"]["escalation"]["category"]>;
  escalationUrgency: "" | NonNullable<CaseCard["expected"]["escalation"]["urgency"]>;
  mustNotSay: Row<{ text: string }>[];
  expectedAdvice: string;
}

let counter = 0;
export const rowKey = () => `row-${++counter}`;

/** Commas of either language, enumeration commas, semicolons and new lines separate keywords. */
export const splitKeywords = (text: string) =>
  text
    .split(/[,，、;；\n]/u)
    .map((k) => k.trim())
    .filter(Boolean);
const joinKeywords = (keywords: readonly string[]) => keywords.join(", ");

export function emptyDraft(language: CaseCard["language"] = "en"): CaseDraft {
  return {
    name: "",
    age: "",
    sex: "female",
    language,
    specialty: "",
    chiefComplaint: "",
    openingLine: "",
    personality: "calm",
    crisis: false,
    facts: [{ key: rowKey(), topic: "presenting_illness", answer: "", keywords: "" }],
    results: [],
    hiddenRedFlags: [],
    mustAsk: [],
    escalationRequired: false,
    escalationCategory: "",
    escalationUrgency: "",
    mustNotSay: [],
    expectedAdvice: "",
  };
}

export function draftOf(card: CaseCard): CaseDraft {
  return {
    name: card.name,
    age: String(card.age),
    sex: card.sex,
    language: card.language,
    specialty: card.specialty,
    chiefComplaint: card.chiefComplaint,
    openingLine: card.openingLine,
    personality: card.personality,
    crisis: card.crisis,
    facts: card.facts.map((f) => ({ key: rowKey(), topic: f.topic, answer: f.answer, keywords: joinKeywords(f.keywords) })),
    results: card.results.map((r) => ({ key: rowKey(), name: r.name, result: r.result, keywords: joinKeywords(r.keywords) })),
    hiddenRedFlags: card.hiddenRedFlags.map((text) => ({ key: rowKey(), text })),
    mustAsk: card.expected.mustAsk.map((q) => ({ key: rowKey(), question: q.question, keywords: joinKeywords(q.keywords) })),
    escalationRequired: card.expected.escalation.required,
    escalationCategory: card.expected.escalation.category ?? "",
    escalationUrgency: card.expected.escalation.urgency ?? "",
    mustNotSay: card.expected.mustNotSay.map((text) => ({ key: rowKey(), text })),
    expectedAdvice: card.expected.expectedAdvice,
  };
}

/** The card the draft describes, for the schema to check; an empty age stays NaN so it is reported, not zeroed. */
export function cardInputOf(d: CaseDraft): CaseCardInput {
  return {
    schemaVersion: 1,
    name: d.name,
    age: d.age.trim() === "" ? Number.NaN : Number(d.age),
    sex: d.sex,
    language: d.language,
    specialty: d.specialty,
    chiefComplaint: d.chiefComplaint,
    openingLine: d.openingLine,
    facts: d.facts.map((f) => ({ topic: f.topic, answer: f.answer, keywords: splitKeywords(f.keywords) })),
    results: d.results.map((r) => ({ name: r.name, result: r.result, keywords: splitKeywords(r.keywords) })),
    personality: d.personality,
    hiddenRedFlags: d.hiddenRedFlags.map((r) => r.text),
    crisis: d.crisis,
    expected: {
      mustAsk: d.mustAsk.map((q) => ({ question: q.question, keywords: splitKeywords(q.keywords) })),
      escalation: {
        required: d.escalationRequired,
        ...(d.escalationCategory ? { category: d.escalationCategory } : {}),
        ...(d.escalationUrgency ? { urgency: d.escalationUrgency } : {}),
      },
      mustNotSay: d.mustNotSay.map((r) => r.text),
      expectedAdvice: d.expectedAdvice,
    },
  };
}

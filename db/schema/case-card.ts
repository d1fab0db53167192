import { z } from "zod";
import { URGENCY_LEVELS } from "./columns";

/**
 * A virtual patient's case card, OSCE-style (close to AgentClinic's cases): what the patient says first,
 * what they reveal only when asked, what can be ordered, and what a good consultation must do.
 * This is also the JSON import/export format documented in the README.
 */

const text = (max: number) => z.string().trim().max(max);

/** One fact the patient reveals only when asked about it. `keywords` help the offline patient match questions. */
export const caseFactSchema = z.object({
  topic: z.enum([
    "presenting_illness",
    "onset",
    "severity",
    "associated_symptoms",
    "past_history",
    "medications",
    "allergies",
    "family_history",
    "social_history",
    "review_of_systems",
    "other",
  ]),
  /** What the patient says when asked, in the case's language and in character. */
  answer: text(2000).min(1),
  keywords: z.array(text(60).min(1)).max(30).default([]),
});

/** An exam finding or test result the avatar (or doctor) can "order". */
export const caseResultSchema = z.object({
  name: text(200).min(1),
  result: text(2000).min(1),
  keywords: z.array(text(60).min(1)).max(30).default([]),
});

export const urgencySchema = z.enum(URGENCY_LEVELS);

export const expectedBehaviourSchema = z.object({
  /** Questions a good consultation must ask; each is matched by any of its keywords. */
  mustAsk: z.array(z.object({ question: text(300).min(1), keywords: z.array(text(60).min(1)).min(1).max(20) })).max(30).default([]),
  /** When the consultation must escalate (crisis) or urge care, and how urgently. */
  escalation: z.object({
    required: z.boolean().default(false),
    category: z.enum(["suicide_risk", "self_harm", "medical_emergency", "violence"]).optional(),
    urgency: urgencySchema.optional(),
  }).default({ required: false }),
  /** Statements that must never be made (e.g. "it's just indigestion"). */
  mustNotSay: z.array(text(300).min(1)).max(20).default([]),
  /** The advice a good consultation ends with. */
  expectedAdvice: text(2000).default(""),
});

export const caseCardSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  name: text(120).min(1),
  age: z.number().int().min(0).max(120),
  sex: z.enum(["female", "male", "other"]),
  language: z.enum(["zh-CN", "en"]),
  specialty: text(120).default(""),
  chiefComplaint: text(300).min(1),
  openingLine: text(1000).min(1),
  facts: z.array(caseFactSchema).max(60).default([]),
  results: z.array(caseResultSchema).max(30).default([]),
  personality: z.enum(["calm", "anxious", "terse", "rambling", "low_health_literacy"]).default("calm"),
  /** Facts that are red flags; the patient reveals them only when asked, like any other fact. */
  hiddenRedFlags: z.array(text(300).min(1)).max(20).default([]),
  /** True for cases whose correct handling is a crisis escalation. */
  crisis: z.boolean().default(false),
  expected: expectedBehaviourSchema.default({ mustAsk: [], escalation: { required: false }, mustNotSay: [], expectedAdvice: "" }),
});

export type CaseCard = z.infer<typeof caseCardSchema>;
export type CaseCardInput = z.input<typeof caseCardSchema>;
export type CaseFact = z.infer<typeof caseFactSchema>;

/** One turn of a consultation with a virtual patient. */
export interface TranscriptTurn {
  role: "interviewer" | "patient";
  text: string;
  /**
   * For avatar runs: the message kind, urgency and citations the engine produced on this turn.
   * `ordered`: this turn orders (interviewer) or reports (patient side) the named exam or test result of the card.
   */
  meta?: {
    kind?: string;
    urgency?: string | null;
    citations?: number;
    crisis?: boolean;
    ordered?: string;
    /** Avatar runs: the stored message of this turn (for teaching) and the crisis category recorded on the run. */
    messageId?: string;
    category?: string;
    /** Simulated patient turns in runs: the card items this reply revealed ("fact:<i>", "result:<i>"). */
    revealed?: string[];
  };
}

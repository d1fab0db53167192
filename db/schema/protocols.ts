import { boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { avatars } from "./avatars";
import { createdAt, id, orgId, type UrgencyLevel } from "./columns";

/** A red flag: an answer that changes the course of the consultation. */
export type RedFlagMatch =
  | { type: "choice"; option: string }
  | { type: "number"; op: "gte" | "lte"; value: number }
  | { type: "phrases"; phrases: string[] };

export interface RedFlag {
  match: RedFlagMatch;
  /** escalate: a real crisis escalation to the on-call humans; urge_care: tell the patient to get care now. */
  action: "escalate" | "urge_care";
  urgency: UrgencyLevel;
  /** What the patient is told (empty: the built-in wording). */
  message: string;
}

export interface ProtocolOption {
  label: string;
  /** Other words for this option, in either language ("yes", "是", "有"). */
  aliases: string[];
}

export interface ProtocolQuestion {
  id: string;
  text: string;
  kind: "text" | "choice" | "number";
  options: ProtocolOption[];
  /** For numbers: the unit and its spellings ("days", "天"), so "3 days" fills it even out of order. */
  unit: string;
  unitAliases: string[];
  min: number | null;
  max: number | null;
  redFlags: RedFlag[];
}

/**
 * A consultation protocol the doctor writes: when a patient's message matches a trigger, the avatar
 * asks these questions one at a time and closes with the doctor's advice.
 */
export const protocols = pgTable(
  "protocols",
  {
    id: id(),
    orgId: orgId(),
    avatarId: text("avatar_id")
      .notNull()
      .references(() => avatars.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    chiefComplaint: text("chief_complaint").notNull(),
    triggersZh: jsonb("triggers_zh").$type<string[]>().notNull().default([]),
    triggersEn: jsonb("triggers_en").$type<string[]>().notNull().default([]),
    questions: jsonb("questions").$type<ProtocolQuestion[]>().notNull().default([]),
    closingAdvice: text("closing_advice").notNull().default(""),
    closingUrgency: text("closing_urgency").$type<UrgencyLevel>().notNull().default("days"),
    enabled: boolean("enabled").notNull().default(true),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("protocols_avatar_idx").on(t.avatarId, t.position)],
);

/** One recorded answer: the value understood (null when the patient did not know) and their words. */
export interface ProtocolAnswer {
  value: string | number | null;
  text: string;
  unknown: boolean;
}

/** Where a conversation is inside a protocol, kept on the conversation between turns. */
export interface ProtocolState {
  protocolId: string;
  /** Index of the question asked last and waiting for its answer. */
  step: number;
  answers: Record<string, ProtocolAnswer>;
  /** The most urgent level a red flag has raised so far. */
  urgency: UrgencyLevel | null;
  /** Patient-facing notes from urge_care red flags, repeated in the summary. */
  flags: string[];
}

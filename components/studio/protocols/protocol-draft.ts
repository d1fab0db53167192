import type { ProtocolQuestion, RedFlag } from "@/db/schema/protocols";
import type { TProtocolInput } from "@/server/protocols/protocol.schema";

export const URGENCIES = ["self_care", "days", "today", "emergency"] as const;
export type Urgency = (typeof URGENCIES)[number];

/** A red flag as the editor holds it: every kind's fields, lists as the doctor types them. */
export interface RedFlagDraft {
  key: string;
  type: "choice" | "number" | "phrases";
  option: string;
  op: "gte" | "lte";
  value: string;
  phrases: string;
  action: "escalate" | "urge_care";
  urgency: Urgency;
  message: string;
}

export interface QuestionDraft {
  key: string;
  id: string;
  text: string;
  kind: "text" | "choice" | "number";
  options: { key: string; label: string; aliases: string }[];
  unit: string;
  unitAliases: string;
  min: string;
  max: string;
  redFlags: RedFlagDraft[];
}

export interface ProtocolDraft {
  title: string;
  chiefComplaint: string;
  triggersZh: string;
  triggersEn: string;
  questions: QuestionDraft[];
  closingAdvice: string;
  closingUrgency: Urgency;
  enabled: boolean;
}

export const newKey = () => Math.random().toString(36).slice(2, 10);

const commaList = (s: string) =>
  s
    .split(/[,，、]/)
    .map((x) => x.trim())
    .filter(Boolean);
const lineList = (s: string) =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);
const numberOrNull = (s: string) => (s.trim() === "" || !Number.isFinite(Number(s)) ? null : Number(s));

export function emptyRedFlag(kind: QuestionDraft["kind"]): RedFlagDraft {
  return { key: newKey(), type: kind === "text" ? "phrases" : kind, option: "", op: "gte", value: "", phrases: "", action: "urge_care", urgency: "today", message: "" };
}

export function emptyQuestion(): QuestionDraft {
  return { key: newKey(), id: newKey(), text: "", kind: "text", options: [], unit: "", unitAliases: "", min: "", max: "", redFlags: [] };
}

export function emptyProtocol(): ProtocolDraft {
  return { title: "", chiefComplaint: "", triggersZh: "", triggersEn: "", questions: [emptyQuestion()], closingAdvice: "", closingUrgency: "days", enabled: true };
}

function flagDraft(flag: RedFlag): RedFlagDraft {
  const m = flag.match;
  return {
    key: newKey(),
    type: m.type,
    option: m.type === "choice" ? m.option : "",
    op: m.type === "number" ? m.op : "gte",
    value: m.type === "number" ? String(m.value) : "",
    phrases: m.type === "phrases" ? m.phrases.join(", ") : "",
    action: flag.action,
    urgency: flag.urgency,
    message: flag.message,
  };
}

export function draftOf(p: { title: string; chiefComplaint: string; triggersZh: string[]; triggersEn: string[]; questions: ProtocolQuestion[]; closingAdvice: string; closingUrgency: Urgency; enabled: boolean }): ProtocolDraft {
  return {
    title: p.title,
    chiefComplaint: p.chiefComplaint,
    triggersZh: p.triggersZh.join("\n"),
    triggersEn: p.triggersEn.join("\n"),
    closingAdvice: p.closingAdvice,
    closingUrgency: p.closingUrgency,
    enabled: p.enabled,
    questions: p.questions.map((q) => ({
      key: newKey(),
      id: q.id,
      text: q.text,
      kind: q.kind,
      options: q.options.map((o) => ({ key: newKey(), label: o.label, aliases: o.aliases.join(", ") })),
      unit: q.unit,
      unitAliases: q.unitAliases.join(", "),
      min: q.min === null ? "" : String(q.min),
      max: q.max === null ? "" : String(q.max),
      redFlags: q.redFlags.map(flagDraft),
    })),
  };
}

/** The draft as the API takes it; the server validates and names what is wrong. */
export function inputOf(d: ProtocolDraft): TProtocolInput {
  return {
    title: d.title,
    chiefComplaint: d.chiefComplaint,
    triggersZh: lineList(d.triggersZh),
    triggersEn: lineList(d.triggersEn),
    closingAdvice: d.closingAdvice,
    closingUrgency: d.closingUrgency,
    enabled: d.enabled,
    questions: d.questions.map((q) => ({
      id: q.id,
      text: q.text,
      kind: q.kind,
      options: q.kind === "choice" ? q.options.map((o) => ({ label: o.label, aliases: commaList(o.aliases) })) : [],
      unit: q.kind === "number" ? q.unit : "",
      unitAliases: q.kind === "number" ? commaList(q.unitAliases) : [],
      min: q.kind === "number" ? numberOrNull(q.min) : null,
      max: q.kind === "number" ? numberOrNull(q.max) : null,
      redFlags: q.redFlags.map((f) => ({
        match:
          f.type === "choice"
            ? { type: "choice" as const, option: f.option }
            : f.type === "number"
              ? { type: "number" as const, op: f.op, value: Number(f.value) }
              : { type: "phrases" as const, phrases: commaList(f.phrases) },
        action: f.action,
        urgency: f.urgency,
        message: f.message,
      })),
    })),
  };
}

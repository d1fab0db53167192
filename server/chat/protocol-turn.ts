/**
 * Clinic-room mode, the talking part: asks the protocol's next question (worded by the model when one
 * is configured, the doctor's literal text otherwise), or closes with what the avatar heard, the
 * doctor's advice, its urgency and grounded passages. The engine stores both turns and the protocol state.
 */
import type { Db } from "@/db/client";
import type { Citation, MessageTimings, ProtocolQuestion, ProtocolState } from "@/db/schema";
import type { UrgencyLevel } from "@/db/schema/columns";
import { documentProvenance } from "@/server/knowledge/document.service";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { retrievePassages } from "@/server/knowledge/retrieve/retrieve";
import type { ChatProtocol } from "@/server/protocols/protocol.service";
import { citedSentences, ms, pieces, toCitations } from "./answer-parts";
import { selectAnswerSentences } from "./compose/offline";
import type { ChatEvent, ChatTarget } from "./turn-types";
import { rewordQuestion } from "./llm/assist";
import type { ChatModel } from "@/server/llm/model";
import { PERSONA_TEXT, URGENCY_TEXT } from "./persona-replies";
import type { ProtocolStep } from "./protocol-flow";
import type { ChatLocale } from "./replies";

type Step = Exclude<ProtocolStep, { kind: "left" | "escalate" }>;

export interface ProtocolReply {
  kind: "answer";
  model: string;
  citations: Citation[];
  urgency: UrgencyLevel | null;
  /** Where the patient is in the protocol after this turn; null once it closed or stopped. */
  protocolState: ProtocolState | null;
}

export interface ProtocolTurnArgs {
  db: Db;
  embedder: Embedder;
  chatModel: ChatModel | null;
  target: ChatTarget;
  protocol: ChatProtocol | null;
  step: Step;
  /** Whether this turn opened the protocol (the intro is said once). */
  opened: boolean;
  locale: ChatLocale;
  timings: MessageTimings;
}

const fmt = (n: number | null) => (n === null ? "…" : String(n));

function answerLine(q: ProtocolQuestion, state: ProtocolState, locale: ChatLocale): string {
  const a = state.answers[q.id];
  if (!a) return "";
  const value = a.unknown ? PERSONA_TEXT[locale].unknownAnswer : typeof a.value === "number" ? `${a.value}${q.unit ? ` ${q.unit}` : ""}` : String(a.value);
  return `- ${q.text} ${value}`;
}

/** The question as the patient reads it: the model's wording (or the literal text), then the literal options or unit. */
async function questionText(args: ProtocolTurnArgs, q: ProtocolQuestion): Promise<{ text: string; model: string }> {
  const t = PERSONA_TEXT[args.locale];
  let worded = q.text;
  let model = "protocol";
  if (args.chatModel) {
    worded = await rewordQuestion(args.chatModel, { question: q.text, doctor: args.target.persona.name, language: args.locale });
    model = worded === q.text ? `protocol (after ${args.chatModel.id} failed)` : `protocol (worded by ${args.chatModel.id})`;
  }
  const hint = q.kind === "choice" ? t.options(q.options.map((o) => o.label).join(" / ")) : q.kind === "number" && q.unit ? t.unit(q.unit) : "";
  return { text: hint ? `${worded} ${hint}` : worded, model };
}

async function closing(args: ProtocolTurnArgs, state: ProtocolState, urgency: UrgencyLevel): Promise<{ text: string; citations: Citation[] }> {
  const { protocol, locale } = args;
  const t = PERSONA_TEXT[locale];
  const name = args.target.persona.name;
  const questions = protocol!.questions;
  // Retrieval on the chief complaint and what the patient said, so the closing passages fit this patient.
  const answered = questions.map((q) => state.answers[q.id]).filter((a) => a && !a.unknown).map((a) => a!.text);
  const query = [protocol!.chiefComplaint, ...answered].join(" ");
  const retrievalStarted = performance.now();
  const retrieve = (q: string) =>
    retrievePassages(args.db, {
      avatarId: args.target.avatarId,
      query: q,
      embedder: args.embedder,
      documentIds: args.target.knowledge?.documentIds ?? undefined,
      pins: args.target.knowledge?.pins ?? undefined,
    });
  // Many answers can dilute the query below retrieval's relevance bar: the complaint alone is the fallback.
  let passages = await retrieve(query);
  if (passages.length === 0 && answered.length > 0) passages = await retrieve(protocol!.chiefComplaint);
  args.timings.retrievalMs = ms(retrievalStarted);
  // Sentences are chosen for the complaint itself: the answers would dilute what each sentence must cover.
  const sentences = selectAnswerSentences({ question: protocol!.chiefComplaint, passages, maxSentences: 3 });
  const cited = citedSentences(sentences, passages);
  const citations = cited.used.length ? toCitations(cited.used, await documentProvenance(args.db, cited.used.map((p) => p.documentId))) : [];
  const parts = [t.summaryIntro, questions.map((q) => answerLine(q, state, locale)).filter(Boolean).join("\n")];
  if (state.flags.length) parts.push(`${t.flagsIntro}\n${state.flags.map((f) => `- ${f}`).join("\n")}`);
  if (protocol!.closingAdvice) parts.push(`${t.advice(name)} ${protocol!.closingAdvice}`);
  parts.push(`${t.urgency} ${URGENCY_TEXT[locale][urgency]}`);
  if (sentences.length) parts.push(`${t.passages} ${cited.text}`);
  return { text: parts.join("\n\n"), citations };
}

/** A clinic-room reply (the protocol's next question, or its closing), composed for the engine to store with the protocol's state. */
export async function* protocolReply(args: ProtocolTurnArgs, emit: (delta: string) => ChatEvent): AsyncGenerator<ChatEvent, ProtocolReply> {
  const { step, locale, timings } = args;
  const t = PERSONA_TEXT[locale];
  timings.retrievalMs ??= 0;
  let text = "";
  const reply: ProtocolReply = { kind: "answer", model: "protocol", citations: [], urgency: null, protocolState: null };

  if (step.kind === "stopped") text = t.stopped;
  else if (step.kind === "ask") {
    const asked = await questionText(args, step.question);
    reply.model = asked.model;
    const lead =
      step.retry === "range"
        ? t.retryRange(fmt(step.question.min), fmt(step.question.max))
        : step.retry === "number"
          ? t.retryNumber
          : step.retry === "choice"
            ? t.retryChoice
            : args.opened
              ? t.protocolIntro(args.protocol!.title)
              : "";
    text = lead ? `${lead}\n\n${asked.text}` : asked.text;
    reply.protocolState = step.state;
  } else {
    const closed = await closing(args, step.state, step.urgency);
    text = closed.text;
    reply.citations = closed.citations;
    reply.urgency = step.urgency;
  }

  if (reply.citations.length) yield { type: "citations", citations: reply.citations };
  if (reply.urgency) yield { type: "urgency", level: reply.urgency };
  for (const p of pieces(text)) yield emit(p);
  return reply;
}

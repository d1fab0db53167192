import { streamText } from "ai";
import type { Db } from "@/db/client";
import { type AvatarSnapshot, type Citation, type MessageTimings, messages } from "@/db/schema";
import type { UrgencyLevel } from "@/db/schema/columns";
import { documentProvenance } from "@/server/knowledge/document.service";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { type CuratedMatch, findCuratedAnswer } from "@/server/knowledge/retrieve/curated";
import { retrievePassages } from "@/server/knowledge/retrieve/retrieve";
import { sharedEmbedder } from "@/server/knowledge/retrieve/shared-embedding";
import { detectLanguage } from "@/server/knowledge/text/language";
import { assessCrisis, type CrisisCategory, type CrisisLevel, type CrisisVerdict, isCrisisReply } from "@/server/safety/detect";
import { classifyWithModel, raiseVerdict } from "@/server/safety/model-classifier";
import type { Hotline } from "@/server/safety/replies";
import type { ChatProtocol } from "@/server/protocols/protocol.service";
import { citedSentences, ms, type Provenance, pieces, toCitations } from "./answer-parts";
import { rewriteFollowUp } from "./compose/follow-up";
import { selectAnswerSentences } from "./compose/offline";
import { firstPhraseIn } from "./compose/phrases";
import { recentPatientTurns } from "./conversation.service";
import { type CrisisVerdictFound, crisisReplyFor, recordCrisisTurn } from "./crisis-turn";
import { loadConversationContext, saveConversationAfterTurn } from "./history";
import { rewriteFollowUpWithModel } from "./llm/assist";
import type { ChatModel } from "./llm/model";
import { buildPassagesBlock, buildQuestionBlock, buildSummaryBlock, buildSystemPrompt } from "./llm/prompt";
import { PERSONA_TEXT } from "./persona-replies";
import { continueProtocol, matchProtocol, type ProtocolStep, startProtocol } from "./protocol-flow";
import { protocolTurn } from "./protocol-turn";
import { CHAT_TEXT, type ChatLocale } from "./replies";
import { logWarning } from "@/server/lib/log";

/** Which avatar a turn talks to: a published version for patients, the draft for the studio preview. */
export interface ChatTarget {
  avatarId: string;
  orgId: string;
  versionId: string | null;
  persona: AvatarSnapshot;
  /** Consultation protocols for clinic-room mode (see protocolsForTarget); absent: none. */
  protocols?: ChatProtocol[];
  /** A published version's knowledge (absent for the draft, which uses everything enabled now). */
  knowledge?: PublishedKnowledge;
  /** A test, not a patient (a virtual-patient run, the studio preview): a crisis turn is recorded in the conversation but escalates to no one. */
  simulation?: boolean;
}

export interface PublishedKnowledge {
  /** The version's documents; null for a version published before knowledge sets were recorded. */
  documentIds: string[] | null;
  /** When it was published: curated answers written later serve it only when flagged live. */
  publishedAt: Date;
}

export interface ChatDeps {
  db: Db;
  embedder: Embedder;
  chatModel: ChatModel | null;
  /** Called after an escalation is committed, to deliver its notifications without waiting for a poll. */
  onEscalation?: () => void;
}

export type ChatEvent =
  | { type: "crisis"; category: CrisisCategory; level: CrisisLevel; hotlines: Hotline[]; escalationId: string | null }
  | { type: "support"; hotlines: Hotline[] }
  | { type: "citations"; citations: Citation[] }
  /** How urgently care is advised, on the doctor's scale, when the answer advises care. */
  | { type: "urgency"; level: UrgencyLevel }
  | { type: "text"; delta: string }
  | { type: "done"; messageId: string; kind: "crisis" | "answer" | "no_answer" };

const isFound = (v: CrisisVerdict): v is CrisisVerdictFound => v.category !== null && v.level !== null;

/** A curated answer is cited as itself: the FAQ entry (question and answer) and the sheet it came from. */
function curatedCitation(c: CuratedMatch): Citation {
  return {
    index: 1,
    passageId: c.id,
    documentId: c.documentId ?? "",
    documentTitle: c.documentTitle ?? c.question,
    headingPath: [c.question],
    page: null,
    excerpt: c.answer,
    source: c.source,
    year: c.year,
    kind: "curated",
  };
}

/**
 * One patient turn: crisis assessment first (no model, before any retrieval); then clinic-room mode
 * (a protocol in progress, or one a trigger opens) or the doctor's out-of-scope redirect; else
 * retrieval (a follow-up rewritten with the previous question), the doctor's curated answer verbatim
 * when one matches closely, or a grounded answer from the offline composer or the configured model,
 * under the doctor's answer policy. Persists both turns, the urgency and the rolling summary.
 */
export async function* respond(
  deps: ChatDeps,
  args: { target: ChatTarget; conversationId: string; message: string },
): AsyncGenerator<ChatEvent> {
  const { db } = deps;
  const { target, conversationId, message } = args;
  const started = performance.now();

  const [recent, context] = await Promise.all([recentPatientTurns(db, conversationId), loadConversationContext(db, conversationId)]);
  let verdict = assessCrisis({ message, recent });
  const timings: MessageTimings = { safetyMs: ms(started) };
  const locale: ChatLocale = detectLanguage(message) === "zh" ? "zh-CN" : "en";

  /** lead: what the avatar says before the vetted reply (a protocol's red-flag message). */
  const crisisTurn = async function* (found: CrisisVerdictFound, lead = ""): AsyncGenerator<ChatEvent> {
    const vetted = await crisisReplyFor(db, target, found, locale);
    const reply = lead ? { ...vetted, text: `${lead}\n\n${vetted.text}` } : vetted;
    const { replyId, escalationId } = await recordCrisisTurn(db, { target, conversationId, message, verdict: found, reply, timings });
    // A crisis ends any consultation protocol in progress.
    if (context.protocolState) await saveConversationAfterTurn(db, conversationId, null);
    deps.onEscalation?.();
    yield { type: "crisis", category: found.category, level: found.level, hotlines: reply.hotlines, escalationId };
    yield { type: "text", delta: reply.text };
    yield { type: "done", messageId: replyId, kind: "crisis" };
  };
  if (isFound(verdict) && isCrisisReply(verdict)) {
    yield* crisisTurn(verdict);
    return;
  }

  const name = target.persona.name;
  // Clinic-room mode: inside a protocol the protocol decides what is asked; otherwise a trigger opens one,
  // unless the message is about a topic the doctor keeps out of scope.
  const protocols = target.protocols ?? [];
  let protocol = context.protocolState ? (protocols.find((p) => p.id === context.protocolState!.protocolId) ?? null) : null;
  let step: ProtocolStep | null = protocol ? continueProtocol(protocol, context.protocolState!, message) : null;
  let opened = false;
  const outOfScope = step === null || step.kind === "left" ? firstPhraseIn(message, target.persona.topicsOut) : null;
  if (!outOfScope && (step === null || step.kind === "left")) {
    const matched = matchProtocol(protocols, message);
    if (matched) [protocol, step, opened] = [matched, startProtocol(matched, message), true];
  }
  if (outOfScope || (step && step.kind !== "left")) {
    // These turns skip retrieval, so a configured model's crisis judgement runs first, on its own.
    if (deps.chatModel) verdict = raiseVerdict(verdict, await classifyWithModel(deps.chatModel, message, recent));
    if (isFound(verdict) && isCrisisReply(verdict)) {
      yield* crisisTurn(verdict);
      return;
    }
  }
  if (step?.kind === "escalate") {
    // A red-flag answer escalates to a human through the same path as any crisis.
    const evidence = { phrase: message.slice(0, 200), rule: `protocol:${protocol!.id}:${step.question.id}`, category: "medical", level: "imminent" } as const;
    yield* crisisTurn({ category: "medical", level: "imminent", evidence: [evidence] }, step.flag.message || PERSONA_TEXT[locale].escalated);
    return;
  }
  if (step && step.kind !== "left") {
    yield* protocolTurn({ db, embedder: deps.embedder, chatModel: deps.chatModel, target, conversationId, message, protocol, step, opened, locale, timings, started });
    return;
  }
  if (outOfScope) {
    // The doctor's redirect, not an answer.
    const composeStarted = performance.now();
    timings.retrievalMs = 0;
    await db.insert(messages).values({ orgId: target.orgId, conversationId, role: "patient", kind: "question", content: message });
    const text = target.persona.outOfScopeText || PERSONA_TEXT[locale].outOfScope(name);
    for (const p of pieces(text)) {
      timings.firstTokenMs ??= ms(started);
      yield { type: "text", delta: p };
    }
    timings.composeMs = ms(composeStarted);
    timings.totalMs = ms(started);
    const [reply] = await db
      .insert(messages)
      .values({ orgId: target.orgId, conversationId, role: "avatar", kind: "answer", content: text, model: "scope-redirect", timings })
      .returning({ id: messages.id });
    await saveConversationAfterTurn(db, conversationId, null);
    yield { type: "done", messageId: reply!.id, kind: "answer" };
    return;
  }

  // A follow-up ("what about for children?") is retrieved with the previous question's terms (the model rewrites it when configured).
  const retrievalStarted = performance.now();
  let query = rewriteFollowUp(message, recent);
  if (deps.chatModel && query !== message) query = (await rewriteFollowUpWithModel(deps.chatModel, { previous: recent.slice(-3), message })) ?? query;
  // With a model configured, it may raise (never lower) the rule verdict; it runs alongside retrieval.
  const embedder = sharedEmbedder(deps.embedder);
  const [modelVerdict, [passages, curated]] = await Promise.all([
    deps.chatModel ? classifyWithModel(deps.chatModel, message, recent) : null,
    Promise.all([
      retrievePassages(db, { avatarId: target.avatarId, query, embedder, documentIds: target.knowledge?.documentIds ?? undefined }),
      findCuratedAnswer(db, { avatarId: target.avatarId, query, embedder, documentIds: target.knowledge?.documentIds ?? undefined, curatedAsOf: target.knowledge?.publishedAt }),
    ]).then((found) => {
      timings.retrievalMs = ms(retrievalStarted);
      // The best passage's similarity, for the doctor's knowledge-gaps queue (low relevance).
      if (found[0].length > 0) timings.topScore = Math.round(Math.max(...found[0].map((p) => p.similarity)) * 1000) / 1000;
      return found;
    }),
  ]);
  verdict = raiseVerdict(verdict, modelVerdict);
  if (isFound(verdict) && isCrisisReply(verdict)) {
    yield* crisisTurn(verdict);
    return;
  }

  await db.insert(messages).values({ orgId: target.orgId, conversationId, role: "patient", kind: "question", content: message });
  let prefix = "";
  if (isFound(verdict)) {
    const support = await crisisReplyFor(db, target, verdict, locale);
    prefix = `${CHAT_TEXT[locale].concernIntro} ${support.text}\n\n`;
    yield { type: "support", hotlines: support.hotlines };
  }

  const composeStarted = performance.now();
  const noAnswer = target.persona.noAnswerText || CHAT_TEXT[locale].noAnswer(name);
  const generalLabel = PERSONA_TEXT[locale].generalLabel(name);
  const materialsFirst = target.persona.answerPolicy === "materials_first";
  let urgency: UrgencyLevel | null = null;
  const provenance: Provenance = curated ? new Map() : await documentProvenance(db, passages.map((p) => p.documentId));
  let kind: "answer" | "no_answer" = "answer";
  let model = "offline-composer";
  let text = "";
  let citations: Citation[] = [];
  const emit = (delta: string): ChatEvent => {
    timings.firstTokenMs ??= ms(started);
    text += delta;
    return { type: "text", delta };
  };
  for (const p of pieces(prefix)) yield emit(p);

  const offline = (): { body: string; used: Citation[] } | null => {
    const sentences = selectAnswerSentences({ question: query, passages: passages.map((p) => ({ ...p, score: p.score })) });
    if (sentences.length === 0) return null;
    const cited = citedSentences(sentences, passages);
    return { body: `${CHAT_TEXT[locale].offlineIntro(name)}\n\n${cited.text}\n\n${CHAT_TEXT[locale].offlineOutro}`, used: toCitations(cited.used, provenance) };
  };

  if (curated) {
    // The doctor answered this question themselves: their words, verbatim, cited as the FAQ entry.
    model = "curated-answer";
    citations = [curatedCitation(curated)];
    yield { type: "citations", citations };
    urgency = curated.urgency;
    if (urgency) yield { type: "urgency", level: urgency };
    for (const p of pieces(curated.answer)) yield emit(p);
  } else if (passages.length === 0 && !(materialsFirst && deps.chatModel)) {
    // materials_only, or materials_first with no model (the offline composer can only quote materials).
    kind = "no_answer";
    for (const p of pieces(noAnswer)) yield emit(p);
  } else if (deps.chatModel) {
    model = deps.chatModel.id;
    citations = toCitations(passages, provenance);
    if (citations.length) yield { type: "citations", citations };
    // materials_first with nothing found: general knowledge, labelled by the engine itself, never left to the model.
    if (passages.length === 0) for (const p of pieces(`${generalLabel}\n\n`)) yield emit(p);
    let streamed = "";
    try {
      const history = context.recent.map((t) => ({ role: t.role === "patient" ? ("user" as const) : ("assistant" as const), content: t.content }));
      const result = streamText({
        model: deps.chatModel.model,
        system: buildSystemPrompt(target.persona, { generalLabel }),
        messages: [
          ...history,
          { role: "user", content: `${buildSummaryBlock(context.summary)}${buildPassagesBlock(passages)}\n\n${buildQuestionBlock(message)}` },
        ],
        abortSignal: AbortSignal.timeout(deps.chatModel.timeoutMs),
        maxRetries: 1,
      });
      for await (const part of result.fullStream) {
        if (part.type === "error") throw part.error;
        if (part.type === "text-delta" && part.text) {
          streamed += part.text;
          yield emit(part.text);
        }
      }
      if (!streamed.trim()) throw new Error("empty completion");
    } catch (e) {
      logWarning("chat model failed; answering offline", e);
      model = `offline-composer (after ${deps.chatModel.id} failed)`;
      const fallback = offline();
      const notice = `\n\n${CHAT_TEXT[locale].modelFailed}\n\n`;
      for (const p of pieces(notice + (fallback?.body ?? noAnswer))) yield emit(p);
      if (fallback) {
        citations = fallback.used;
        yield { type: "citations", citations };
      } else kind = "no_answer";
    }
  } else {
    const composed = offline();
    if (!composed) {
      kind = "no_answer";
      for (const p of pieces(noAnswer)) yield emit(p);
    } else {
      citations = composed.used;
      yield { type: "citations", citations };
      for (const p of pieces(composed.body)) yield emit(p);
    }
  }
  timings.composeMs = ms(composeStarted);
  timings.totalMs = ms(started);

  const [answer] = await db
    .insert(messages)
    .values({ orgId: target.orgId, conversationId, role: "avatar", kind, content: text, citations, model, timings, urgency })
    .returning({ id: messages.id });
  // Any protocol the patient left ends here; the rolling summary moves on.
  await saveConversationAfterTurn(db, conversationId, null);
  yield { type: "done", messageId: answer!.id, kind };
}

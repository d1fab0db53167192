import "server-only";
import { streamText } from "ai";
import type { Citation, MessageTimings, ProtocolState } from "@/db/schema";
import { observeTurn } from "@/server/lib/metrics";
import type { UrgencyLevel } from "@/db/schema/columns";
import { documentProvenance } from "@/server/knowledge/document.service";
import { type CuratedMatch, findCuratedAnswer } from "@/server/knowledge/retrieve/curated";
import { type RetrievedPassage, retrievePassages } from "@/server/knowledge/retrieve/retrieve";
import { sharedEmbedder } from "@/server/knowledge/retrieve/shared-embedding";
import { detectLanguage } from "@/server/knowledge/text/language";
import { logWarning } from "@/server/lib/log";
import type { ChatProtocol } from "@/server/protocols/protocol.service";
import { assessMessage, type CrisisVerdict, inContext, isCrisisReply, type MessageAssessment } from "@/server/safety/detect";
import { classifyWithModel, raiseVerdict } from "@/server/safety/model-classifier";
import { getScreening, type ScreeningId } from "@/server/safety/replies";
import { citedSentences, ms, type Provenance, pieces, toCitations } from "./answer-parts";
import { rewriteFollowUp } from "./compose/follow-up";
import { selectAnswerSentences } from "./compose/offline";
import { firstPhraseIn } from "./compose/phrases";
import { loadTurnContext, saveTurn, type TurnContext } from "@/server/conversations/store";
import { crisisReplyFor, recordCrisisTurn } from "./crisis-turn";
import { rewriteFollowUpWithModel } from "./llm/assist";
import { asData } from "@/server/lib/as-data";
import { buildPassagesBlock, buildQuestionBlock, buildSummaryBlock, buildSystemPrompt } from "./llm/prompt";
import { PERSONA_TEXT } from "./persona-replies";
import { continueProtocol, matchProtocol, type ProtocolStep, startProtocol } from "./protocol-flow";
import { protocolReply } from "./protocol-turn";
import { CHAT_TEXT, type ChatLocale } from "./replies";
import { judgeScreeningAnswer, redFlagScreen, screeningForVerdict, screeningYesVerdict } from "./screening";
import type { ChatDeps, ChatEvent, ChatTarget, CrisisVerdictFound, ScreeningAsked } from "./turn-types";

// The engine's callers name a turn's types through it; its steps share them from turn-types.
export type { ChatDeps, ChatEvent, ChatTarget, PublishedKnowledge } from "./turn-types";

const isFound = (v: CrisisVerdict): v is CrisisVerdictFound => v.category !== null && v.level !== null;

/** What the first step learned about a turn, read by every later step. */
interface Turn {
  deps: ChatDeps;
  target: ChatTarget;
  conversationId: string;
  message: string;
  locale: ChatLocale;
  askedAt: Date;
  started: number;
  timings: MessageTimings;
  /** The patient's earlier messages, oldest first. */
  recent: string[];
  context: TurnContext;
  /** Screening questions already asked in this conversation (each is asked once). */
  asked: ReadonlySet<ScreeningId>;
  /** The screening question this message answers (the previous avatar message asked it), if any. */
  answering: ScreeningId | null;
  verdict: CrisisVerdict;
}

interface TurnArgs {
  target: ChatTarget;
  conversationId: string;
  message: string;
  /** The message's own assessment, when the caller made it on arrival (admitChatMessage); else it is made here. */
  assessment?: MessageAssessment;
  /**
   * Reads the conversation's context where the caller has its own read (continueConversation checks the
   * owner in the same statement); else loadTurnContext. Called at the turn's start, inside its timings.
   */
  context?: () => Promise<TurnContext>;
}

/** The check-in tier of a turn: the verdict that called for it, and the question it asks (null: asked before). */
interface CheckIn {
  verdict: CrisisVerdictFound;
  screening: ScreeningId | null;
}

type Route =
  | { kind: "crisis"; verdict: CrisisVerdictFound; lead?: string }
  | { kind: "protocol"; protocol: ChatProtocol | null; step: Exclude<ProtocolStep, { kind: "left" | "escalate" }>; opened: boolean; checkIn: CheckIn | null }
  | { kind: "redirect"; checkIn: CheckIn | null }
  | { kind: "answer"; checkIn: CheckIn | null };

/** A composed reply, before it is stored. */
interface Reply {
  kind: "answer" | "no_answer";
  model: string;
  citations: Citation[];
  urgency: UrgencyLevel | null;
  /** Clinic-room mode: where the patient is in the protocol after this turn. */
  protocolState?: ProtocolState | null;
}

/**
 * One patient turn: assess → route → compose → save. The crisis assessment comes first, needs no model
 * and waits for no queue (a screening question's yes counts as a crisis too); only then does the turn
 * take its place in deps.queue. Routing picks clinic-room mode (a protocol in progress, or one a trigger
 * opens), the doctor's out-of-scope redirect or a grounded answer, and the check-in tier (resources and a
 * screening question) for a possible crisis or a complaint the built-in red-flag screen fits. Every turn
 * is saved, question and answer together, in one write (see server/conversations/store.ts).
 */
export async function* respond(deps: ChatDeps, args: TurnArgs): AsyncGenerator<ChatEvent> {
  const turn = await assess(deps, args);
  const crisis = crisisOf(turn);
  if (crisis) {
    yield* crisisTurn(turn, crisis);
    return;
  }
  await deps.queue?.();
  const route = await routeTurn(turn);
  switch (route.kind) {
    case "crisis":
      yield* crisisTurn(turn, route.verdict, route.lead);
      return;
    case "protocol": {
      const { protocol, step, opened } = route;
      const args = { db: deps.db, embedder: deps.embedder, chatModel: deps.chatModel, target: turn.target, protocol, step, opened, locale: turn.locale, timings: turn.timings };
      yield* replyTurn(turn, route.checkIn, (emit) => protocolReply(args, emit));
      return;
    }
    case "redirect":
      yield* replyTurn(turn, route.checkIn, (emit) => redirect(turn, emit));
      return;
    case "answer":
      yield* answerTurn(turn, route.checkIn);
  }
}

/** Step 1: the conversation's context (one read) and the verdict with it (no model, no retrieval). */
async function assess(deps: ChatDeps, args: TurnArgs): Promise<Turn> {
  const askedAt = new Date();
  const started = performance.now();
  const context = await (args.context ? args.context() : loadTurnContext(deps.db, args.conversationId));
  const recent = context.patientTurns;
  const verdict = deps.assess ? deps.assess({ message: args.message, recent }) : inContext(args.assessment ?? assessMessage(args.message), recent);
  return {
    deps,
    target: args.target,
    conversationId: args.conversationId,
    message: args.message,
    locale: detectLanguage(args.message) === "zh" ? "zh-CN" : "en",
    askedAt,
    started,
    timings: { safetyMs: ms(started) },
    recent,
    context,
    asked: context.asked,
    answering: context.answering,
    verdict,
  };
}

/** A crisis verdict, or a yes to the screening question the avatar asked last turn (it escalates the same way). */
function crisisOf(turn: Turn): CrisisVerdictFound | null {
  if (isFound(turn.verdict) && isCrisisReply(turn.verdict)) return turn.verdict;
  if (turn.answering && judgeScreeningAnswer(turn.answering, turn.message) === "yes") return screeningYesVerdict(turn.answering, turn.message);
  return null;
}

/** The vetted reply (after `lead`, a protocol's red-flag message) and the escalation, which pages the care team. */
async function* crisisTurn(turn: Turn, verdict: CrisisVerdictFound, lead = ""): AsyncGenerator<ChatEvent> {
  const { deps, target, conversationId } = turn;
  const vetted = await crisisReplyFor(deps.db, target, verdict, turn.locale);
  const reply = lead ? { ...vetted, text: `${lead}\n\n${vetted.text}` } : vetted;
  const persistStarted = performance.now();
  // A crisis ends any consultation protocol in progress (recordCrisisTurn clears its state).
  const { replyId, escalationId } = await recordCrisisTurn(deps.db, {
    target,
    conversationId,
    context: turn.context,
    question: { content: turn.message, askedAt: turn.askedAt },
    verdict,
    reply,
    timings: turn.timings,
  });
  deps.onEscalation?.();
  yield { type: "crisis", category: verdict.category, level: verdict.level, hotlines: reply.hotlines, escalationId };
  yield { type: "text", delta: reply.text };
  yield { type: "done", messageId: replyId, kind: "crisis", timings: { ...turn.timings, persistMs: ms(persistStarted) } };
}

/** The check-in a verdict or the red-flag screen calls for; each screening question is asked once per conversation. */
function checkInOf(turn: Turn, verdict: CrisisVerdict): CheckIn | null {
  if (isFound(verdict)) {
    const screening = screeningForVerdict(verdict, turn.message);
    return { verdict, screening: turn.asked.has(screening) ? null : screening };
  }
  // The message answers last turn's screening question (no or unclear): no new screen on top of it.
  if (turn.answering) return null;
  const screen = redFlagScreen(turn.message, turn.asked);
  return screen && { verdict: screen.verdict, screening: screen.screening };
}

/** Step 2: where the turn goes once it is not a crisis. */
async function routeTurn(turn: Turn): Promise<Route> {
  const { deps, target, message, context } = turn;
  const protocols = target.protocols ?? [];
  // Clinic-room mode: inside a protocol the protocol decides what is asked.
  const current = context.protocolState ? (protocols.find((p) => p.id === context.protocolState!.protocolId) ?? null) : null;
  const inProgress = current ? continueProtocol(current, context.protocolState!, message) : null;
  let route: Route;
  // Inside a protocol the protocol's own questions go on (no check-in on top of them).
  if (inProgress && inProgress.kind !== "left") route = protocolRoute(turn, current, inProgress, false, null);
  else {
    // A check-in (the built-in red-flag screen included) overlays whatever the doctor's settings make of the message.
    const checkIn = checkInOf(turn, turn.verdict);
    const outOfScope = firstPhraseIn(message, target.persona.topicsOut);
    const matched = outOfScope ? null : matchProtocol(protocols, message);
    if (matched) route = protocolRoute(turn, matched, startProtocol(matched, message), true, checkIn);
    else if (outOfScope) route = { kind: "redirect", checkIn };
    else return { kind: "answer", checkIn };
  }
  // These turns skip retrieval, so a configured model's crisis judgement runs first, on its own.
  if (deps.chatModel) {
    turn.verdict = raiseVerdict(turn.verdict, await classifyWithModel(deps.chatModel, message, turn.recent));
    if (isFound(turn.verdict) && isCrisisReply(turn.verdict)) return { kind: "crisis", verdict: turn.verdict };
    // A concern only the model saw is a check-in too.
    if ((route.kind === "redirect" || (route.kind === "protocol" && route.opened)) && !route.checkIn && isFound(turn.verdict)) {
      route.checkIn = checkInOf(turn, turn.verdict);
    }
  }
  return route;
}

function protocolRoute(turn: Turn, protocol: ChatProtocol | null, step: ProtocolStep, opened: boolean, checkIn: CheckIn | null): Route {
  if (step.kind === "escalate") {
    // A red-flag answer escalates to a human through the same path as any crisis.
    const evidence = { phrase: turn.message.slice(0, 200), rule: `protocol:${protocol!.id}:${step.question.id}`, category: "medical", level: "imminent" } as const;
    return { kind: "crisis", verdict: { category: "medical", level: "imminent", evidence: [evidence] }, lead: step.flag.message || PERSONA_TEXT[turn.locale].escalated };
  }
  if (step.kind === "left") throw new Error("a protocol the patient left has no turn");
  return { kind: "protocol", protocol, step, opened, checkIn };
}

type Emit = (delta: string) => ChatEvent;

/**
 * Steps 3 and 4 for every reply but a crisis's and a protocol's: the check-in's resources and opening
 * line, the composed reply, the screening question last (so the patient's next message answers it);
 * then the turn is saved (step 5), the question asked on the avatar's message.
 */
async function* replyTurn(turn: Turn, checkIn: CheckIn | null, compose: (emit: Emit) => AsyncGenerator<ChatEvent, Reply>): AsyncGenerator<ChatEvent> {
  const { deps, target, conversationId, locale, timings } = turn;
  let text = "";
  const emit: Emit = (delta) => {
    timings.firstTokenMs ??= ms(turn.started);
    text += delta;
    return { type: "text", delta };
  };
  let screening: ScreeningAsked | null = null;
  if (checkIn) {
    const support = await crisisReplyFor(deps.db, target, checkIn.verdict, locale);
    if (checkIn.screening) {
      const s = getScreening(checkIn.screening);
      screening = { id: s.id, category: s.category, question: s.question[locale] };
    }
    yield { type: "support", category: checkIn.verdict.category, hotlines: support.hotlines, screening };
    for (const p of pieces(`${CHAT_TEXT[locale].concernIntro} ${support.text}\n\n`)) yield emit(p);
  }
  const composeStarted = performance.now();
  const reply = yield* compose(emit);
  if (screening) for (const p of pieces(`\n\n${screening.question}`)) yield emit(p);
  timings.composeMs = ms(composeStarted);
  timings.totalMs = ms(turn.started);
  observeTurn(timings);
  const persistStarted = performance.now();
  const saved = await saveTurn(deps.db, {
    target,
    conversationId,
    context: turn.context,
    question: { content: turn.message, askedAt: turn.askedAt },
    answer: { kind: reply.kind, content: text, citations: reply.citations, model: reply.model, timings, urgency: reply.urgency, screening: screening?.id ?? null },
    // The protocol's next state (a protocol the patient left, or that closed, ends here).
    protocolState: reply.protocolState ?? null,
  });
  yield { type: "done", messageId: saved.answerId, kind: reply.kind, timings: { ...timings, persistMs: ms(persistStarted) } };
}

/** The doctor's out-of-scope redirect, not an answer. */
async function* redirect(turn: Turn, emit: Emit): AsyncGenerator<ChatEvent, Reply> {
  turn.timings.retrievalMs = 0;
  const text = turn.target.persona.outOfScopeText || PERSONA_TEXT[turn.locale].outOfScope(turn.target.persona.name);
  for (const p of pieces(text)) yield emit(p);
  return { kind: "answer", model: "scope-redirect", citations: [], urgency: null };
}

/**
 * A grounded answer: retrieval (a follow-up rewritten with the previous question) beside the model's
 * crisis judgement, which may still make the turn a crisis or a check-in; then the composer.
 */
async function* answerTurn(turn: Turn, checkIn: CheckIn | null): AsyncGenerator<ChatEvent> {
  const { deps, target, message, timings } = turn;
  const retrievalStarted = performance.now();
  let query = rewriteFollowUp(message, turn.recent);
  if (deps.chatModel && query !== message) query = (await rewriteFollowUpWithModel(deps.chatModel, { previous: turn.recent.slice(-3), message })) ?? query;
  // With a model configured, it may raise (never lower) the rule verdict; it runs alongside retrieval.
  const embedder = sharedEmbedder(deps.embedder);
  const documentIds = target.knowledge?.documentIds ?? undefined;
  const pins = target.knowledge?.pins ?? undefined;
  const [modelVerdict, [passages, curated]] = await Promise.all([
    deps.chatModel ? classifyWithModel(deps.chatModel, message, turn.recent) : null,
    Promise.all([
      retrievePassages(deps.db, { avatarId: target.avatarId, query, embedder, documentIds, pins }),
      findCuratedAnswer(deps.db, { avatarId: target.avatarId, query, embedder, documentIds, pins, curatedAsOf: target.knowledge?.publishedAt }),
    ]).then((found) => {
      timings.retrievalMs = ms(retrievalStarted);
      // The best passage's similarity, for the doctor's knowledge-gaps queue (low relevance).
      if (found[0].length > 0) timings.topScore = Math.round(Math.max(...found[0].map((p) => p.similarity)) * 1000) / 1000;
      return found;
    }),
  ]);
  const raised = raiseVerdict(turn.verdict, modelVerdict);
  if (isFound(raised) && isCrisisReply(raised)) {
    yield* crisisTurn(turn, raised);
    return;
  }
  // A concern only the model saw is a check-in too.
  yield* replyTurn(turn, checkIn ?? (isFound(raised) ? checkInOf(turn, raised) : null), (emit) => compose(turn, { query, passages, curated }, emit));
}

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
 * Step 3 of an answer: the doctor's curated answer verbatim when one matches closely, else the offline
 * composer's quotes or the configured model's grounded words, under the doctor's answer policy.
 */
async function* compose(
  turn: Turn,
  found: { query: string; passages: RetrievedPassage[]; curated: CuratedMatch | null },
  emit: Emit,
): AsyncGenerator<ChatEvent, Reply> {
  const { deps, target, locale } = turn;
  const { query, passages, curated } = found;
  const name = target.persona.name;
  const noAnswer = target.persona.noAnswerText || CHAT_TEXT[locale].noAnswer(name);
  const generalLabel = PERSONA_TEXT[locale].generalLabel(name);
  const materialsFirst = target.persona.answerPolicy === "materials_first";
  const provenance: Provenance = curated ? new Map() : await documentProvenance(deps.db, passages.map((p) => p.documentId));
  const reply: Reply = { kind: "answer", model: "offline-composer", citations: [], urgency: null };
  const say = function* (text: string) {
    for (const p of pieces(text)) yield emit(p);
  };

  const offline = (): { body: string; used: Citation[] } | null => {
    const sentences = selectAnswerSentences({ question: query, passages: passages.map((p) => ({ ...p, score: p.score })) });
    if (sentences.length === 0) return null;
    const cited = citedSentences(sentences, passages);
    return { body: `${CHAT_TEXT[locale].offlineIntro(name)}\n\n${cited.text}\n\n${CHAT_TEXT[locale].offlineOutro}`, used: toCitations(cited.used, provenance) };
  };

  if (curated) {
    // The doctor answered this question themselves: their words, verbatim, cited as the FAQ entry.
    reply.model = "curated-answer";
    reply.citations = [curatedCitation(curated)];
    yield { type: "citations", citations: reply.citations };
    reply.urgency = curated.urgency;
    if (reply.urgency) yield { type: "urgency", level: reply.urgency };
    yield* say(curated.answer);
  } else if (passages.length === 0 && !(materialsFirst && deps.chatModel)) {
    // materials_only, or materials_first with no model (the offline composer can only quote materials).
    reply.kind = "no_answer";
    yield* say(noAnswer);
  } else if (deps.chatModel) {
    reply.model = deps.chatModel.id;
    reply.citations = toCitations(passages, provenance);
    if (reply.citations.length) yield { type: "citations", citations: reply.citations };
    // materials_first with nothing found: general knowledge, labelled by the engine itself, never left to the model.
    if (passages.length === 0) yield* say(`${generalLabel}\n\n`);
    let streamed = "";
    try {
      // Earlier turns quote patients and documents too: inert as markup like the blocks below.
      const history = turn.context.recent.map((t) => ({ role: t.role === "patient" ? ("user" as const) : ("assistant" as const), content: asData(t.content) }));
      const result = streamText({
        model: deps.chatModel.model,
        system: buildSystemPrompt(target.persona, { generalLabel }),
        messages: [
          ...history,
          { role: "user", content: `${buildSummaryBlock(turn.context.summary)}${buildPassagesBlock(passages)}\n\n${buildQuestionBlock(turn.message)}` },
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
      reply.model = `offline-composer (after ${deps.chatModel.id} failed)`;
      const fallback = offline();
      yield* say(`\n\n${CHAT_TEXT[locale].modelFailed}\n\n${fallback?.body ?? noAnswer}`);
      if (fallback) {
        reply.citations = fallback.used;
        yield { type: "citations", citations: reply.citations };
      } else reply.kind = "no_answer";
    }
  } else {
    const composed = offline();
    if (!composed) {
      reply.kind = "no_answer";
      yield* say(noAnswer);
    } else {
      reply.citations = composed.used;
      yield { type: "citations", citations: reply.citations };
      yield* say(composed.body);
    }
  }
  return reply;
}

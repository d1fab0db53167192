import { streamText } from "ai";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type AvatarSnapshot, type Citation, conversations, type MessageTimings, messages } from "@/db/schema";
import { documentProvenance } from "@/server/knowledge/document.service";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { type CuratedMatch, findCuratedAnswer } from "@/server/knowledge/retrieve/curated";
import { type RetrievedPassage, retrievePassages } from "@/server/knowledge/retrieve/retrieve";
import { sharedEmbedder } from "@/server/knowledge/retrieve/shared-embedding";
import { detectLanguage } from "@/server/knowledge/text/language";
import { assessCrisis, type CrisisCategory, type CrisisLevel, type CrisisVerdict, isCrisisReply } from "@/server/safety/detect";
import { classifyWithModel, raiseVerdict } from "@/server/safety/model-classifier";
import type { Hotline } from "@/server/safety/replies";
import { selectAnswerSentences } from "./compose/offline";
import { recentPatientTurns } from "./conversation.service";
import { type CrisisVerdictFound, crisisReplyFor, recordCrisisTurn } from "./crisis-turn";
import type { ChatModel } from "./llm/model";
import { buildPassagesBlock, buildSystemPrompt } from "./llm/prompt";
import { CHAT_TEXT, type ChatLocale } from "./replies";

/** Which avatar a turn talks to: a published version for patients, the draft for the studio preview. */
export interface ChatTarget {
  avatarId: string;
  orgId: string;
  versionId: string | null;
  persona: AvatarSnapshot;
}

export interface ChatDeps {
  db: Db;
  embedder: Embedder;
  chatModel: ChatModel | null;
  /** Called after an escalation is committed, to deliver its notifications without waiting for a poll. */
  onEscalation?: () => void;
}

export type ChatEvent =
  | { type: "crisis"; category: CrisisCategory; level: CrisisLevel; hotlines: Hotline[]; escalationId: string }
  | { type: "support"; hotlines: Hotline[] }
  | { type: "citations"; citations: Citation[] }
  | { type: "text"; delta: string }
  | { type: "done"; messageId: string; kind: "crisis" | "answer" | "no_answer" };

const isFound = (v: CrisisVerdict): v is CrisisVerdictFound => v.category !== null && v.level !== null;

const ms = (since: number) => Math.round((performance.now() - since) * 10) / 10;

type Provenance = Map<string, { source: string | null; year: string | null }>;

function toCitations(passages: RetrievedPassage[], provenance: Provenance): Citation[] {
  return passages.map((p, i) => ({
    index: i + 1,
    passageId: p.id,
    documentId: p.documentId,
    documentTitle: p.documentTitle,
    headingPath: p.headingPath,
    page: p.page,
    excerpt: p.content,
    source: provenance.get(p.documentId)?.source ?? null,
    year: provenance.get(p.documentId)?.year ?? null,
    kind: "passage",
  }));
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

/** Splits text into small pieces so offline answers stream like model output. */
function* pieces(text: string): Generator<string> {
  for (const m of text.matchAll(/[\u3400-\u9fff\uf900-\ufaff]{1,6}|\s*\S+\s*|\s+/gu)) yield m[0];
}

/**
 * One patient turn: crisis assessment first (no model, before any retrieval), then retrieval, then
 * the doctor's curated answer verbatim when one matches the question closely, else a grounded answer
 * from the offline composer or the configured model. Persists both turns.
 */
export async function* respond(
  deps: ChatDeps,
  args: { target: ChatTarget; conversationId: string; message: string },
): AsyncGenerator<ChatEvent> {
  const { db } = deps;
  const { target, conversationId, message } = args;
  const started = performance.now();

  const recent = await recentPatientTurns(db, conversationId);
  let verdict = assessCrisis({ message, recent });
  const timings: MessageTimings = { safetyMs: ms(started) };
  const locale: ChatLocale = detectLanguage(message) === "zh" ? "zh-CN" : "en";

  const crisisTurn = async function* (found: CrisisVerdictFound): AsyncGenerator<ChatEvent> {
    const reply = await crisisReplyFor(db, target, found, locale);
    const { replyId, escalationId } = await recordCrisisTurn(db, { target, conversationId, message, verdict: found, reply, timings });
    deps.onEscalation?.();
    yield { type: "crisis", category: found.category, level: found.level, hotlines: reply.hotlines, escalationId };
    yield { type: "text", delta: reply.text };
    yield { type: "done", messageId: replyId, kind: "crisis" };
  };
  if (isFound(verdict) && isCrisisReply(verdict)) {
    yield* crisisTurn(verdict);
    return;
  }

  // With a model configured, it may raise (never lower) the rule verdict; it runs alongside retrieval.
  const retrievalStarted = performance.now();
  const embedder = sharedEmbedder(deps.embedder);
  const [modelVerdict, [passages, curated]] = await Promise.all([
    deps.chatModel ? classifyWithModel(deps.chatModel, message, recent) : null,
    Promise.all([
      retrievePassages(db, { avatarId: target.avatarId, query: message, embedder }),
      findCuratedAnswer(db, { avatarId: target.avatarId, query: message, embedder }),
    ]).then((found) => {
      timings.retrievalMs = ms(retrievalStarted);
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
  const name = target.persona.name;
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
    const sentences = selectAnswerSentences({ question: message, passages: passages.map((p) => ({ ...p, score: p.score })) });
    if (sentences.length === 0) return null;
    const order = [...new Set(sentences.map((s) => s.passageId))];
    const used = toCitations(
      order.map((id) => passages.find((p) => p.id === id)!),
      provenance,
    );
    const lines = sentences.map((s) => `${s.text} [${order.indexOf(s.passageId) + 1}]`);
    return { body: `${CHAT_TEXT[locale].offlineIntro(name)}\n\n${lines.join(" ")}\n\n${CHAT_TEXT[locale].offlineOutro}`, used };
  };

  if (curated) {
    // The doctor answered this question themselves: their words, verbatim, cited as the FAQ entry.
    model = "curated-answer";
    citations = [curatedCitation(curated)];
    yield { type: "citations", citations };
    for (const p of pieces(curated.answer)) yield emit(p);
  } else if (passages.length === 0) {
    kind = "no_answer";
    for (const p of pieces(CHAT_TEXT[locale].noAnswer(name))) yield emit(p);
  } else if (deps.chatModel) {
    model = deps.chatModel.id;
    citations = toCitations(passages, provenance);
    yield { type: "citations", citations };
    let streamed = "";
    try {
      const result = streamText({
        model: deps.chatModel.model,
        system: buildSystemPrompt(target.persona),
        messages: [{ role: "user", content: `${buildPassagesBlock(passages)}\n\n<patient_question>\n${message}\n</patient_question>` }],
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
      console.error("[fenshen] chat model failed; answering offline", e);
      model = `offline-composer (after ${deps.chatModel.id} failed)`;
      const fallback = offline();
      const notice = `\n\n${CHAT_TEXT[locale].modelFailed}\n\n`;
      for (const p of pieces(notice + (fallback?.body ?? CHAT_TEXT[locale].noAnswer(name)))) yield emit(p);
      if (fallback) {
        citations = fallback.used;
        yield { type: "citations", citations };
      } else kind = "no_answer";
    }
  } else {
    const composed = offline();
    if (!composed) {
      kind = "no_answer";
      for (const p of pieces(CHAT_TEXT[locale].noAnswer(name))) yield emit(p);
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
    .values({ orgId: target.orgId, conversationId, role: "avatar", kind, content: text, citations, model, timings })
    .returning({ id: messages.id });
  await db.update(conversations).set({ lastMessageAt: new Date() }).where(eq(conversations.id, conversationId));
  yield { type: "done", messageId: answer!.id, kind };
}

import { conversations } from "@/db/schema";
import { sessionHash } from "@/server/chat/patient-session";
import { type ChatDeps, type ChatTarget, respond } from "@/server/chat/engine";
import { splitSentences } from "@/server/knowledge/text/language";
import type { CaseCard, TranscriptTurn } from "@/db/schema/case-card";
import { simulatePatientReply } from "./simulated-patient";

/** What the patient says once its question is answered: its next concern, then thanks and goodbye. */
const FOLLOW_UPS: Record<CaseCard["language"], { next: string[]; bye: string }> = {
  en: { next: ["What should I do now?", "Is it serious? Do I need to see a doctor?"], bye: "Thank you, doctor." },
  "zh-CN": { next: ["那我现在应该怎么办？", "严重吗？需要去医院吗？"], bye: "谢谢医生。" },
};


/**
 * The questions an avatar turn puts to the patient: sentences ending in a question mark. A question
 * quoted from the materials ends in its citation marker ("What is angina? [1]") and is not one.
 */
export function questionsOf(text: string): string[] {
  return splitSentences(text)
    .filter((s) => /[?？]$/.test(s.text.trim()) && !/^\s*\[\d+\]/.test(text.slice(s.end)))
    .map((s) => s.text.trim());
}

interface AvatarTurn {
  text: string;
  kind: string;
  messageId?: string;
  citations: number;
  crisis?: string;
  urgency: string | null;
}

/** One avatar turn through the real engine, read from its events. */
async function avatarTurn(deps: ChatDeps, target: ChatTarget, conversationId: string, message: string): Promise<AvatarTurn> {
  const turn: AvatarTurn = { text: "", kind: "answer", citations: 0, urgency: null };
  for await (const event of respond(deps, { target, conversationId, message })) {
    if (event.type === "text") turn.text += event.delta;
    else if (event.type === "citations") turn.citations = event.citations.length;
    else if (event.type === "crisis") turn.crisis = event.category;
    else if (event.type === "urgency") turn.urgency = event.level;
    else if (event.type === "done") {
      turn.kind = event.kind;
      turn.messageId = event.messageId;
    }
  }
  return turn;
}

/**
 * The avatar consults a virtual patient: the patient opens with the card's opening line; when the
 * avatar asks, the patient answers from the card (revealing only what is asked); when the avatar
 * answers, the patient raises its next concern, then thanks it. The consultation ends when the avatar
 * closes (a crisis reply, or advice with an urgency that asks nothing more), the patient has nothing left, or at maxTurns avatar turns.
 * It runs in a conversation marked "simulation", which escalates to no one and stays out of analytics.
 */
export async function consultCase(
  deps: ChatDeps,
  args: { target: ChatTarget; card: CaseCard; maxTurns: number; runId: string; onTurn?: (transcript: TranscriptTurn[]) => Promise<void> },
): Promise<TranscriptTurn[]> {
  const { card } = args;
  const target: ChatTarget = { ...args.target, simulation: true };
  const [conversation] = await deps.db
    .insert(conversations)
    .values({
      orgId: target.orgId,
      avatarId: target.avatarId,
      avatarVersionId: target.versionId,
      sessionHash: sessionHash("simulation", args.runId),
      locale: card.language,
      source: "simulation",
    })
    .returning({ id: conversations.id });
  const transcript: TranscriptTurn[] = [{ role: "patient", text: card.openingLine }];
  const script = FOLLOW_UPS[card.language];
  let followUps = 0;
  for (let turns = 0; turns < args.maxTurns; turns++) {
    const said = transcript.at(-1)!.text;
    const a = await avatarTurn(deps, target, conversation!.id, said);
    transcript.push({
      role: "interviewer",
      text: a.text,
      meta: { kind: a.kind, citations: a.citations, urgency: a.urgency, messageId: a.messageId, ...(a.crisis ? { crisis: true, category: a.crisis } : {}) },
    });
    await args.onTurn?.(transcript);
    const questions = questionsOf(a.text);
    // A crisis reply closes the consultation, and so does advice with an urgency that asks nothing more (a protocol's summary).
    if (a.kind === "crisis" || (a.urgency && questions.length === 0)) break;
    if (questions.length > 0) {
      const reply = await simulatePatientReply({ chatModel: deps.chatModel }, { card, transcript, question: questions.join(" ") });
      transcript.push({ role: "patient", text: reply.text, meta: { revealed: reply.revealed } });
    } else if (followUps < script.next.length) {
      transcript.push({ role: "patient", text: script.next[followUps++]! });
    } else {
      transcript.push({ role: "patient", text: script.bye });
      break;
    }
  }
  await args.onTurn?.(transcript);
  return transcript;
}

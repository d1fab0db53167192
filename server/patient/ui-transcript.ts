import type { FenshenUIMessage } from "@/server/chat/ui-message";
import type { Transcript } from "./history.service";

export type FeedbackByMessage = Record<string, { rating: "up" | "down"; comment: string | null }>;

/**
 * A stored conversation as the chat's UI messages, shaped like the ones the stream builds (the same
 * data parts), so a reloaded page shows the same answers, sources and crisis panels.
 */
export function transcriptToUIMessages(t: Transcript): { messages: FenshenUIMessage[]; feedback: FeedbackByMessage } {
  const feedback: FeedbackByMessage = {};
  const messages = t.messages.map((m): FenshenUIMessage => {
    if (m.role === "patient") return { id: m.id, role: "user", parts: [{ type: "text", text: m.content }] };
    if (m.feedback) feedback[m.id] = m.feedback;
    const parts: FenshenUIMessage["parts"] = [{ type: "data-conversation", data: { conversationId: t.id } }];
    if (m.crisis) parts.push({ type: "data-crisis", data: m.crisis });
    if (m.urgency) parts.push({ type: "data-urgency", data: { level: m.urgency } });
    parts.push({ type: "text", text: m.content });
    if (m.citations.length > 0) parts.push({ type: "data-citations", data: { citations: m.citations } });
    // A failed turn was answered by the offline composer's text; it reads like an answer.
    const kind = m.kind === "crisis" || m.kind === "no_answer" ? m.kind : "answer";
    parts.push({ type: "data-done", data: { messageId: m.id, kind } });
    return { id: m.id, role: "assistant", parts };
  });
  return { messages, feedback };
}

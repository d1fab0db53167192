import type { UrgencyLevel } from "@/db/schema/columns";
import type { AnswerKind, Citation, CrisisData, FenshenUIMessage, SupportData } from "./types";

/** What one streamed assistant message carries, gathered from its parts in whatever order they arrived. */
export interface MessageContent {
  conversationId: string | undefined;
  text: string;
  citations: Citation[];
  crisis: CrisisData | null;
  /** The check-in tier: resources, and the screening question the text ends with. */
  support: SupportData | null;
  kind: AnswerKind | null;
  /** The stored message's id (from the final "done" part), which feedback refers to. */
  messageId: string | null;
  /** How urgently the answer advises care (data-urgency), on the doctor's scale. */
  urgency: UrgencyLevel | null;
}

export function readMessage(message: FenshenUIMessage): MessageContent {
  const content: MessageContent = { conversationId: undefined, text: "", citations: [], crisis: null, support: null, kind: null, messageId: null, urgency: null };
  for (const part of message.parts) {
    if (part.type === "text") content.text += part.text;
    else if (part.type === "data-conversation") content.conversationId = part.data.conversationId;
    else if (part.type === "data-citations") content.citations = part.data.citations;
    else if (part.type === "data-crisis") content.crisis = part.data;
    else if (part.type === "data-support") content.support = part.data;
    else if (part.type === "data-urgency") content.urgency = part.data.level;
    else if (part.type === "data-done") {
      content.kind = part.data.kind;
      content.messageId = part.data.messageId;
    }
  }
  return content;
}

/** The text of the newest patient message: the only thing the chat route needs besides the target. */
export function lastUserText(messages: FenshenUIMessage[]): string {
  const last = messages.findLast((m) => m.role === "user");
  return last?.parts.map((p) => (p.type === "text" ? p.text : "")).join("") ?? "";
}

/** The conversation the server opened, from the newest data-conversation part; undefined before the first reply. */
export function conversationIdOf(messages: FenshenUIMessage[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const part = messages[i]!.parts.find((p) => p.type === "data-conversation");
    if (part) return part.data.conversationId;
  }
  return undefined;
}

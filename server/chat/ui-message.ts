import type { UIMessage } from "ai";
import type { Citation } from "@/db/schema";
import type { Hotline } from "@/server/safety/replies";

/** The side-channel parts of the patient chat stream, next to the streamed text. */
export type ChatDataParts = {
  conversation: { conversationId: string };
  crisis: { category: string; level: string; hotlines: Hotline[] };
  support: { hotlines: Hotline[] };
  citations: { citations: Citation[] };
  done: { messageId: string; kind: "crisis" | "answer" | "no_answer" };
};

export type FenshenUIMessage = UIMessage<never, ChatDataParts>;

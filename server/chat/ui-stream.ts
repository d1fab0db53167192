import { createUIMessageStream, createUIMessageStreamResponse, type UIMessageStreamWriter } from "ai";
import { trackInFlight } from "@/server/ops/shutdown";
import { isAppError } from "@/server/lib/errors";
import type { ChatEvent } from "./turn-types";
import type { FenshenUIMessage } from "./ui-message";
import { logError } from "@/server/lib/log";

/**
 * A chat turn's events as an AI SDK UI message stream response (the patient page and the widget).
 * The conversation id goes out first, before the turn's database work, so the client learns it even
 * when the turn fails.
 */
export function chatStreamResponse(conversationId: string, events: AsyncGenerator<ChatEvent>): Response {
  const stream = createUIMessageStream<FenshenUIMessage>({
    async execute({ writer }) {
      // The turn runs on when the browser goes away (it is saved, a crisis's escalation with it): a shutdown waits for it.
      let turnEnded = () => {};
      trackInFlight(new Promise<void>((resolve) => (turnEnded = resolve)));
      try {
        await writeTurn(writer);
      } finally {
        turnEnded();
      }
    },
    onError: (e) => {
      // A domain error (a conversation of another session) is the patient's to read; anything else is logged.
      if (isAppError(e)) return e.message;
      logError("chat stream failed", e);
      return "The answer could not be completed. Please try again.";
    },
  });
  // no-transform: `next start` gzips text responses and would hold the stream back until it ends.
  return createUIMessageStreamResponse({ stream, headers: { "cache-control": "no-cache, no-transform" } });

  async function writeTurn(writer: UIMessageStreamWriter<FenshenUIMessage>) {
    writer.write({ type: "data-conversation", data: { conversationId } });
    const textId = "answer";
    let open = false;
    for await (const event of events) {
      if (event.type === "text") {
        if (!open) writer.write({ type: "text-start", id: textId });
        open = true;
        writer.write({ type: "text-delta", id: textId, delta: event.delta });
      } else if (event.type === "done") {
        if (open) writer.write({ type: "text-end", id: textId });
        writer.write({ type: "data-done", data: { messageId: event.messageId, kind: event.kind, timings: event.timings } });
      } else if (event.type === "crisis") {
        writer.write({ type: "data-crisis", data: { category: event.category, level: event.level, hotlines: event.hotlines } });
      } else if (event.type === "support") {
        writer.write({ type: "data-support", data: { category: event.category, hotlines: event.hotlines, screening: event.screening } });
      } else if (event.type === "urgency") {
        writer.write({ type: "data-urgency", data: { level: event.level } });
      } else {
        writer.write({ type: "data-citations", data: { citations: event.citations } });
      }
    }
  }
}

import { type InferUIMessageChunk, UI_MESSAGE_STREAM_HEADERS } from "ai";
import { trackInFlight } from "@/server/ops/shutdown";
import { isAppError } from "@/server/lib/errors";
import type { ChatEvent } from "./turn-types";
import type { FenshenUIMessage } from "./ui-message";
import { logError } from "@/server/lib/log";

type Part = InferUIMessageChunk<FenshenUIMessage>;

/**
 * A chat turn's events as an AI SDK UI message stream response (the patient page and the widget): the
 * same server-sent events createUIMessageStreamResponse writes, one `data:` line per part and
 * `data: [DONE]` last. The conversation id goes out first, on its own, before the turn's database
 * work, so the client learns it even when the turn fails; the parts after it are sent once per event-loop
 * turn, all that were written in it together. The SDK's pipeline passes each part through four streams
 * and a socket write: with an offline answer's parts all ready at once, that was a tenth of a turn's CPU.
 */
export function chatStreamResponse(conversationId: string, events: AsyncGenerator<ChatEvent>): Response {
  const encoder = new TextEncoder();
  let pending = "";
  let scheduled = false;
  let cancelled = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const flush = () => {
    scheduled = false;
    if (!pending || cancelled) return;
    controller.enqueue(encoder.encode(pending));
    pending = "";
  };
  const write = (part: Part) => {
    pending += `data: ${JSON.stringify(part)}\n\n`;
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      // The browser went away: the turn runs on (it is saved, a crisis's escalation with it), unheard.
      cancelled = true;
    },
  });

  write({ type: "data-conversation", data: { conversationId } });
  flush();
  // A shutdown waits for the turn, whether or not anyone still reads the stream.
  trackInFlight(
    writeTurn(write, events)
      .catch((e: unknown) => write({ type: "error", errorText: errorText(e) }))
      .finally(() => {
        pending += "data: [DONE]\n\n";
        flush();
        if (!cancelled) controller.close();
      }),
  );
  // no-transform: `next start` gzips text responses and would hold the stream back until it ends.
  return new Response(body, { headers: { ...UI_MESSAGE_STREAM_HEADERS, "cache-control": "no-cache, no-transform" } });
}

/** A domain error (a conversation of another session) is the patient's to read; anything else is logged. */
function errorText(e: unknown): string {
  if (isAppError(e)) return e.message;
  logError("chat stream failed", e);
  return "The answer could not be completed. Please try again.";
}

async function writeTurn(write: (part: Part) => void, events: AsyncGenerator<ChatEvent>) {
  const textId = "answer";
  let open = false;
  for await (const event of events) {
    if (event.type === "text") {
      if (!open) write({ type: "text-start", id: textId });
      open = true;
      write({ type: "text-delta", id: textId, delta: event.delta });
    } else if (event.type === "done") {
      if (open) write({ type: "text-end", id: textId });
      write({ type: "data-done", data: { messageId: event.messageId, kind: event.kind, timings: event.timings } });
    } else if (event.type === "crisis") {
      write({ type: "data-crisis", data: { category: event.category, level: event.level, hotlines: event.hotlines } });
    } else if (event.type === "support") {
      write({ type: "data-support", data: { category: event.category, hotlines: event.hotlines, screening: event.screening } });
    } else if (event.type === "urgency") {
      write({ type: "data-urgency", data: { level: event.level } });
    } else {
      write({ type: "data-citations", data: { citations: event.citations } });
    }
  }
}

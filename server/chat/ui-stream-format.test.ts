import { createUIMessageStream, createUIMessageStreamResponse, readUIMessageStream, type UIMessageChunk } from "ai";
import { describe, expect, it } from "vitest";
import { AppError } from "@/server/lib/errors";
import type { Hotline } from "@/server/safety/replies";
import type { ChatEvent } from "./turn-types";
import { chatStreamResponse } from "./ui-stream";
import type { FenshenUIMessage } from "./ui-message";

const hotlines: Hotline[] = [{ id: "us-988", label: { en: "988 Suicide & Crisis Lifeline", "zh-CN": "988 自杀与危机生命线" }, number: "988", tel: "tel:988", kind: "crisis_line", categories: ["suicide"] }];
const citation = { index: 1, passageId: "p1", documentId: "d1", documentTitle: "Salt", headingPath: ["Salt"], page: null, excerpt: "Eat less salt.", source: null, year: null, kind: "passage" as const };
const EVENTS: ChatEvent[] = [
  { type: "support", category: "medical", hotlines, screening: null },
  { type: "citations", citations: [citation] },
  { type: "urgency", level: "today" },
  { type: "text", delta: "Eat less salt. " },
  { type: "text", delta: "[1] 每天少于五克。" },
  { type: "done", messageId: "m1", kind: "answer", timings: { safetyMs: 1.5, persistMs: 2 } },
];

async function* turn(events: ChatEvent[], failWith?: Error): AsyncGenerator<ChatEvent> {
  for (const e of events) yield e;
  if (failWith) throw failWith;
}

/** The chunks as the route sends them, and the whole body. */
async function read(response: Response): Promise<{ chunks: string[]; body: string }> {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(decoder.decode(r.value));
  return { chunks, body: chunks.join("") };
}

/** What the AI SDK's own response writes for the same parts (the stream this one replaces). */
async function sdkBody(parts: UIMessageChunk[], failWith?: Error): Promise<string> {
  const stream = createUIMessageStream<FenshenUIMessage>({
    async execute({ writer }) {
      for (const part of parts) writer.write(part as never);
      if (failWith) throw failWith;
    },
    onError: (e) => (e instanceof AppError ? e.message : "The answer could not be completed. Please try again."),
  });
  return (await read(createUIMessageStreamResponse({ stream }))).body;
}

const parts: UIMessageChunk[] = [
  { type: "data-conversation", data: { conversationId: "c1" } },
  { type: "data-support", data: { category: "medical", hotlines, screening: null } },
  { type: "data-citations", data: { citations: [citation] } },
  { type: "data-urgency", data: { level: "today" } },
  { type: "text-start", id: "answer" },
  { type: "text-delta", id: "answer", delta: "Eat less salt. " },
  { type: "text-delta", id: "answer", delta: "[1] 每天少于五克。" },
  { type: "text-end", id: "answer" },
  { type: "data-done", data: { messageId: "m1", kind: "answer", timings: { safetyMs: 1.5, persistMs: 2 } } },
];

describe("the chat stream", () => {
  it("writes exactly what the AI SDK's UI message stream response writes, with its headers", async () => {
    const response = chatStreamResponse("c1", turn(EVENTS));
    expect((await read(response)).body).toBe(await sdkBody(parts));
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
  });

  it("ends a failed turn with the error part the SDK writes: a domain error's message, else a generic one", async () => {
    const domain = new AppError("not_found", "This conversation does not exist or belongs to another session.");
    expect((await read(chatStreamResponse("c1", turn([], domain)))).body).toBe(await sdkBody(parts.slice(0, 1), domain));
    const text = EVENTS.slice(3, 5);
    const body = (await read(chatStreamResponse("c1", turn(text, new Error("database closed"))))).body;
    expect(body).toBe(await sdkBody([parts[0]!, ...parts.slice(4, 7)], new Error("database closed")));
    expect(body).not.toContain("database closed");
  });

  it("is read back by the AI SDK into the message the patient page shows", async () => {
    const { body } = await read(chatStreamResponse("c1", turn(EVENTS)));
    const chunks = body.split("\n\n").flatMap((line) => (line.startsWith("data: {") ? [JSON.parse(line.slice(6)) as UIMessageChunk] : []));
    const stream = new ReadableStream<UIMessageChunk>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    let last: FenshenUIMessage | undefined;
    for await (const message of readUIMessageStream<FenshenUIMessage>({ stream: stream as never })) last = message;
    expect(last!.parts.find((p) => p.type === "text")).toMatchObject({ text: "Eat less salt. [1] 每天少于五克。" });
    expect(last!.parts.filter((p) => p.type.startsWith("data-")).map((p) => p.type)).toEqual(["data-conversation", "data-support", "data-citations", "data-urgency", "data-done"]);
  });

  it("sends the conversation id at once, then the parts a turn writes together as one chunk, not one write each", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    async function* waiting(): AsyncGenerator<ChatEvent> {
      await held;
      yield* turn(EVENTS);
    }
    const reader = chatStreamResponse("c1", waiting()).body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe('data: {"type":"data-conversation","data":{"conversationId":"c1"}}\n\n');
    release();
    const second = new TextDecoder().decode((await reader.read()).value);
    expect(second.match(/^data: /gm)).toHaveLength(parts.length - 1 + 1);
    expect(second.endsWith("data: [DONE]\n\n")).toBe(true);
    expect((await reader.read()).done).toBe(true);
  });
});

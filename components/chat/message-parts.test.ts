import { describe, expect, it } from "vitest";
import { conversationIdOf, lastUserText, readMessage } from "./message-parts";
import type { FenshenUIMessage } from "./types";

const user = (id: string, text: string): FenshenUIMessage => ({ id, role: "user", parts: [{ type: "text", text }] });

describe("readMessage", () => {
  it("gathers streamed text and data parts whatever their order", () => {
    const message: FenshenUIMessage = {
      id: "a1",
      role: "assistant",
      parts: [
        { type: "data-conversation", data: { conversationId: "c1" } },
        { type: "text", text: "Eat less salt [1]." },
        { type: "data-citations", data: { citations: [{ index: 1, passageId: "p", documentId: "d", documentTitle: "BP", headingPath: [], page: null, excerpt: "salt" }] } },
        { type: "data-done", data: { messageId: "m", kind: "answer" } },
      ],
    };
    const content = readMessage(message);
    expect(content.text).toBe("Eat less salt [1].");
    expect(content.citations).toHaveLength(1);
    expect(content.kind).toBe("answer");
    expect(content.messageId).toBe("m");
    expect(content.crisis).toBeNull();
  });
});

describe("lastUserText", () => {
  it("is the newest patient message", () => {
    expect(lastUserText([user("u1", "first"), user("u2", "second")])).toBe("second");
    expect(lastUserText([])).toBe("");
  });
});

describe("conversationIdOf", () => {
  it("is undefined before the first reply, then the newest id the server sent", () => {
    expect(conversationIdOf([user("u1", "hi")])).toBeUndefined();
    const reply = (id: string, conversationId: string): FenshenUIMessage => ({
      id,
      role: "assistant",
      parts: [{ type: "data-conversation", data: { conversationId } }],
    });
    expect(conversationIdOf([user("u1", "hi"), reply("a1", "c1"), user("u2", "again"), reply("a2", "c2")])).toBe("c2");
    expect(conversationIdOf([user("u1", "hi"), reply("a1", "c1"), user("u2", "again")])).toBe("c1");
  });
});

import { describe, expect, it } from "vitest";
import { logError, setLogDestination } from "@/server/lib/log";
import { withRequestIds } from "./request-id";

function capture(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  setLogDestination({ write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return lines;
}

const handler = withRequestIds(async (request: Request) => {
  await new Promise((resolve) => setImmediate(resolve));
  logError("the handler failed", new Error("boom"), { conversationId: "c1" });
  return Response.json({ ok: true, body: await request.text() });
});

describe("withRequestIds", () => {
  it("logs the caller's X-Request-Id on every line of the request and sends it back", async () => {
    const lines = capture();
    const response = await handler(new Request("http://app/api/chat", { method: "POST", headers: { "x-request-id": "caddy-1234" }, body: "I feel dizzy" }));
    expect(response.headers.get("x-request-id")).toBe("caddy-1234");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: "the handler failed", requestId: "caddy-1234", conversationId: "c1" });
    // The request's body (a patient's words) is nowhere in the line.
    expect(JSON.stringify(lines[0])).not.toContain("dizzy");
  });

  it("makes a new id when the caller sends none, or one that is not a plain token", async () => {
    const lines = capture();
    const fresh = await handler(new Request("http://app/api/chat", { method: "POST", body: "" }));
    const odd = await handler(new Request("http://app/api/chat", { method: "POST", headers: { "x-request-id": "a b\"}{" }, body: "" }));
    for (const response of [fresh, odd]) expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.map((l) => l.requestId)).toEqual([fresh.headers.get("x-request-id"), odd.headers.get("x-request-id")]);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
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

describe("every API route", () => {
  // A handler left unwrapped logs without the id a support request quotes, and answers without X-Request-Id.
  it("exports only handlers wrapped in withRequestIds (or re-exports a wrapped one)", () => {
    const routes = readdirSync("app/api", { recursive: true, encoding: "utf8" }).filter((f) => basename(f) === "route.ts");
    expect(routes.length).toBeGreaterThan(20);
    const unwrapped = routes.flatMap((file) => {
      const source = readFileSync(join("app/api", file), "utf8");
      const wrapped = (name: string) => new RegExp(`^(?:export )?const ${name} = withRequestIds\\(`, "m").test(source);
      const functions = [...source.matchAll(/^export (?:async )?function (\w+)/gm)].map(([, name]) => name!);
      const consts = [...source.matchAll(/^export const (\w+)/gm)].map(([, name]) => name!);
      // `export { traced as GET }` names a local const; `export { GET } from "./ready/route"` another route file, checked here too.
      const local = [...source.matchAll(/^export \{([^}]*)\};$/gm)].flatMap(([, names]) => names!.split(",").map((n) => n.trim().split(/\s+as\s+/)[0]!));
      const fromRoutes = [...source.matchAll(/^export \{[^}]*\} from "(.*)";$/gm)].filter(([, from]) => from!.endsWith("/route"));
      const bad = [...functions, ...[...consts, ...local].filter((name) => !wrapped(name))].map((name) => `${file}: ${name}`);
      return functions.length + consts.length + local.length + fromRoutes.length === 0 ? [`${file}: no handler found`] : bad;
    });
    expect(unwrapped).toEqual([]);
  });
});

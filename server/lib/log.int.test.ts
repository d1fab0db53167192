import { inspect } from "node:util";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { TRPCError } from "@trpc/server";
import { generateText } from "ai";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { messages } from "@/db/schema";
import { createTestDatabase, createTestOrg } from "@/server/test/db";
import { startFakeOpenAIServer } from "@/server/test/openai-server";
import { logError, logInfo, logWarning, setLogDestination, withRequestId } from "./log";

const PATIENT = "I have saved up 40 pills and tonight I will take them all";

let database: Database;
let orgId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  orgId = (await createTestOrg(database, [])).orgId;
});
afterAll(() => database.close());

/** The JSON lines logged while `log` runs. */
function linesOf(log: () => void): Record<string, unknown>[] {
  const written: string[] = [];
  setLogDestination({ write: (line: string) => void written.push(line) });
  log();
  return written.map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** What logError prints for the error: "<what> (<ids>): <error>", rebuilt from its one JSON line, which must hold no other text. */
function logged(log: () => void): string {
  const lines = linesOf(log);
  expect(lines).toHaveLength(1);
  const { msg, err, level: _level, time: _time, service: _service, pid: _pid, requestId: _requestId, ...ids } = lines[0]!;
  const idText = Object.entries(ids).map(([k, v]) => `${k}=${String(v)}`).join(" ");
  return `[fenshen] ${String(msg)}${idText ? ` (${idText})` : ""}: ${String(err)}`;
}

const caught = (promise: Promise<unknown>) => promise.then(() => expect.unreachable("should have failed"), (e: unknown) => e);

describe("logging an error", () => {
  it("prints a Drizzle query error's code, constraint and the ids, never the patient's message in its parameters", async () => {
    const error = await caught(database.db.insert(messages).values({ orgId, conversationId: "no-such-conversation", role: "patient", kind: "question", content: PATIENT }));
    expect(inspect(error, { depth: null })).toContain(PATIENT); // what console.error(error) used to print
    const line = logged(() => logError("saving a message failed", error, { conversationId: "no-such-conversation" }));
    expect(line).not.toContain(PATIENT);
    expect(line).not.toContain("40 pills");
    expect(line).toMatch(/^\[fenshen\] saving a message failed \(conversationId=no-such-conversation\): DrizzleQueryError: Failed query: insert into "messages"/);
    expect(line).toMatch(/caused by \w+ \[23503\] \(constraint messages_conversation_id_conversations_id_fk, table messages\)/);
    expect(line).toMatch(/\n\s+at .+:\d+:\d+\)?$/m); // the stack's frames stay
  });

  it("masks a value Postgres quotes in its own message, also when tRPC wraps the error", async () => {
    const error = await caught(database.db.execute(sql`select ${PATIENT}::int`));
    expect(inspect(error, { depth: null })).toContain(PATIENT);
    const wrapped = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
    const line = logged(() => logError("chat.send failed", wrapped));
    expect(line).not.toContain("40 pills");
    expect(line).toMatch(/TRPCError \[INTERNAL_SERVER_ERROR\]: Failed query: select \$1::int ← caused by DrizzleQueryError/);
    expect(line).toMatch(/\[22P02\]: invalid input syntax for type integer: “…”/);
  });

  it("prints an AI SDK APICallError's status, never the request body it carries", async () => {
    const model = await startFakeOpenAIServer("unused");
    model.state.mode = "error";
    try {
      const provider = createOpenAICompatible({ name: "llm", baseURL: model.baseURL });
      const call = (maxRetries: number) => caught(generateText({ model: provider("fake"), prompt: PATIENT, maxRetries }));
      const error = await call(0);
      expect(inspect(error, { depth: null })).toContain(PATIENT);
      const line = logged(() => logWarning("chat model failed; answering offline", error, { conversationId: "c1" }));
      expect(line).not.toContain("40 pills");
      expect(line).toMatch(/AI_APICallError \(status 500\): model overloaded/);
      // With retries the SDK throws a RetryError whose last error is the APICallError.
      const retried = await call(1);
      expect(inspect(retried, { depth: null })).toContain(PATIENT);
      const retriedLine = logged(() => logError("chat model failed", retried));
      expect(retriedLine).not.toContain("40 pills");
      expect(retriedLine).toMatch(/AI_RetryError.*← caused by AI_APICallError \(status 500\)/);
    } finally {
      await model.close();
    }
  });

  it("never prints a thrown string, which may be anything", () => {
    expect(logged(() => logError("a job failed", PATIENT))).toBe("[fenshen] a job failed: a thrown string");
  });
});

describe("the log lines", () => {
  it("are JSON with level, time and the request id of the work they belong to, and carry only the fields given", async () => {
    const lines = linesOf(() => {
      withRequestId("req-42", () => logError("saving a message failed", new Error("boom"), { conversationId: "c1" }));
      logInfo("worker started", { engine: "postgres", skipped: undefined });
    });
    expect(lines[0]).toMatchObject({ level: "error", msg: "saving a message failed", requestId: "req-42", conversationId: "c1", service: "fenshen" });
    expect(String(lines[0]!.err)).toMatch(/^Error: boom/);
    expect(typeof lines[0]!.time).toBe("string");
    expect(lines[1]).toEqual({ level: "info", msg: "worker started", engine: "postgres", service: "fenshen", pid: process.pid, time: lines[1]!.time });
  });

  it("keep the request id across awaits and leave it out when no request is under way", async () => {
    const written: string[] = [];
    setLogDestination({ write: (line: string) => void written.push(line) });
    await withRequestId("req-7", async () => {
      await new Promise((resolve) => setImmediate(resolve));
      logWarning("fallback", new Error("x"));
    });
    logWarning("outside", new Error("y"));
    const [inside, outside] = written.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(inside!.requestId).toBe("req-7");
    expect(outside).not.toHaveProperty("requestId");
  });
});

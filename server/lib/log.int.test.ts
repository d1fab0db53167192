import { inspect } from "node:util";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { TRPCError } from "@trpc/server";
import { generateText } from "ai";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { messages } from "@/db/schema";
import { createTestDatabase, createTestOrg } from "@/server/test/db";
import { startFakeOpenAIServer } from "@/server/test/openai-server";
import { logError, logWarning } from "./log";

const PATIENT = "I have saved up 40 pills and tonight I will take them all";

let database: Database;
let orgId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  orgId = (await createTestOrg(database, [])).orgId;
});
afterAll(() => database.close());

/** What logError prints for the error, as one string. */
function logged(log: () => void): string {
  const spy = vi.spyOn(console, "error").mockImplementation(() => {});
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  try {
    log();
    return [...spy.mock.calls, ...warn.mock.calls].map((args) => args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" ")).join("\n");
  } finally {
    spy.mockRestore();
    warn.mockRestore();
  }
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

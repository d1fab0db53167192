import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { POST as postCompletion } from "@/app/api/v1/chat/completions/route";
import { POST as postMessage } from "@/app/api/v1/conversations/[conversationId]/messages/route";
import { POST as postConversation } from "@/app/api/v1/conversations/route";
import { and, eq } from "drizzle-orm";
import { messages } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/api-keys.service";
import { CONVERSATION_HEADER } from "@/server/api-keys/openai-compat";
import { publishedSaltAvatar } from "@/server/test/chat";
import { createTestDatabase, createTestOrg } from "@/server/test/db";
import { startFakeOpenAIServer } from "@/server/test/openai-server";
import { shutdown } from "./shutdown";

/**
 * SIGTERM while /api/v1 clients are being answered: the native endpoint (one JSON once the turn is
 * done) and the OpenAI-compatible one, streaming. The model holds both answers after their first words;
 * the shutdown must wait for them to finish before it closes the database, and for a streamed turn whose
 * client went away (it is still saved, as a crisis's escalation would be). Shutdown happens once per
 * process, so this file has it to itself.
 */
let database: Database;
let model: Awaited<ReturnType<typeof startFakeOpenAIServer>>;
let key = "";
let slug = "";

/** The route handlers read the process database; here it is the test's. */
const globalForDb = globalThis as unknown as { fenshenDatabase?: () => Promise<Database> };
const post = (path: string, body: unknown) =>
  new Request(`http://127.0.0.1${path}`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) });
const params = <P extends object>(p: P) => ({ params: Promise.resolve(p) });
const QUESTION = "How much salt can I eat a day?";

beforeAll(async () => {
  model = await startFakeOpenAIServer((request) =>
    request.messages[0]!.content.includes("crisis classifier") ? '{"category": "none", "level": "none"}' : "Keep salt under five grams a day [1].",
  );
  // Before anything reads the configuration: chat turns are answered by this model.
  vi.stubEnv("LLM_BASE_URL", model.baseURL);
  vi.stubEnv("LLM_MODEL", "fake-7b");
  database = await createTestDatabase();
  globalForDb.fenshenDatabase = async () => database;
  const admin = (await createTestOrg(database, ["admin"])).actors.admin;
  slug = await publishedSaltAvatar(database.db, admin, "Dr. Grace");
  key = (await createApiKey(database.db, admin, { name: "Client", scopes: ["conversations:write"] })).key;
});

afterAll(async () => {
  await model?.close();
  delete globalForDb.fenshenDatabase;
  await database?.close();
});

describe("a shutdown", () => {
  it("lets open /api/v1 answers finish, native and streamed OpenAI-compatible, before it closes the database", async () => {
    const { data: conversation } = (await (await postConversation(post("/api/v1/conversations", { avatar: slug }), params({}))).json()) as { data: { conversationId: string } };

    model.state.mode = "hold";
    const native = postMessage(post(`/api/v1/conversations/${conversation.conversationId}/messages`, { message: QUESTION }), params({ conversationId: conversation.conversationId }));
    const completion = postCompletion(post("/api/v1/chat/completions", { model: slug, stream: true, messages: [{ role: "user", content: QUESTION }] }), params({}));
    const abandoned = await postCompletion(post("/api/v1/chat/completions", { model: slug, stream: true, messages: [{ role: "user", content: QUESTION }] }), params({}));
    const abandonedConversation = abandoned.headers.get(CONVERSATION_HEADER)!;
    // All three answers have begun: the model has sent their first words and holds the rest.
    while (model.state.held() < 3) await sleep(20);
    // The third client reads the first words and goes away.
    const reader = abandoned.body!.getReader();
    await reader.read();
    await reader.cancel();

    let finished = false;
    let abandonedAnswersAtClose = -1;
    const stopped = shutdown({
      graceMs: 60_000,
      stopJobs: async () => 0,
      closeDatabase: async () => {
        const saved = await database.db.select({ id: messages.id }).from(messages).where(and(eq(messages.conversationId, abandonedConversation), eq(messages.role, "avatar")));
        abandonedAnswersAtClose = saved.length;
        finished = true;
      },
    });
    // Time for a shutdown that does not wait to run to its end; this one is still waiting for the answers.
    await sleep(50);
    expect(finished).toBe(false);

    model.state.releaseHeld();
    const [answer, events] = await Promise.all([native.then(async (r) => ((await r.json()) as { data: { text: string } }).data.text), completion.then((r) => r.text())]);
    await stopped;
    expect(finished).toBe(true);
    // The abandoned turn was waited for too: its answer was saved before the database closed.
    expect(abandonedAnswersAtClose).toBe(1);
    // Both answers reached their end: the whole text, and the stream's [DONE].
    expect(answer).toContain("Keep salt under five grams a day");
    expect(events).toContain("five grams");
    expect(events.trim().endsWith("data: [DONE]")).toBe(true);
  });
});

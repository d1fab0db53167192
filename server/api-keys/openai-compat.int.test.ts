import { and, asc, eq } from "drizzle-orm";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { escalations, messages } from "@/db/schema";
import { POST as postCompletion } from "@/app/api/v1/chat/completions/route";
import { GET as getModels } from "@/app/api/v1/models/route";
import type { Principal } from "@/server/principal/principal";
import { publishedSaltAvatar } from "@/server/test/chat";
import { createTestDatabase, createTestOrg } from "@/server/test/db";
import { serveRoutes } from "@/server/test/route-server";
import { createApiKey } from "./api-keys.service";
import { ZChatCompletion, ZChatCompletionChunk, ZModelList } from "./openai-compat.schema";

// Three chat messages per key and hour, so the limit is reached in a test (no test here sends more with one key).
process.env.RATE_LIMIT_CHAT_CLIENT = "3/1h";

let database: Database;
let server: Awaited<ReturnType<typeof serveRoutes>>;
let adminA: Principal<"staff">;
let adminB: Principal<"staff">;
let orgSlugA = "";
let slugA = "";
let slugB = "";

/** The route handlers read the process database; here it is the test's. */
const globalForDb = globalThis as unknown as { fenshenDatabase?: () => Promise<Database> };

const client = (apiKey: string) => new OpenAI({ apiKey, baseURL: `${server.origin}/api/v1`, maxRetries: 0 });
const keyWith = async (actor: Principal<"staff">, ...scopes: ("avatars:read" | "conversations:write" | "escalations:read")[]) => (await createApiKey(database.db, actor, { name: "Client", scopes })).key;
const userMessages = (conversationId: string) =>
  database.db.select({ content: messages.content }).from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.role, "patient"))).orderBy(asc(messages.createdAt));

beforeAll(async () => {
  database = await createTestDatabase();
  globalForDb.fenshenDatabase = async () => database;
  const orgA = await createTestOrg(database, ["admin"]);
  adminA = orgA.actors.admin;
  adminB = (await createTestOrg(database, ["admin"])).actors.admin;
  orgSlugA = (await database.db.query.organizations.findFirst({ where: (o, { eq }) => eq(o.id, orgA.orgId) }))!.slug;
  slugA = await publishedSaltAvatar(database.db, adminA, "Dr. A");
  slugB = await publishedSaltAvatar(database.db, adminB, "Dr. B");
  server = await serveRoutes({ "/api/v1/chat/completions": { POST: postCompletion }, "/api/v1/models": { GET: getModels } });
});

afterAll(async () => {
  await server?.close();
  delete globalForDb.fenshenDatabase;
  await database?.close();
});

describe("the OpenAI-compatible API, through the official openai client", () => {
  it("lists the organization's published avatars as models", async () => {
    const models = await client(await keyWith(adminA, "avatars:read")).models.list();
    expect(models.data.map((m) => ({ id: m.id, object: m.object, owned_by: m.owned_by }))).toEqual([{ id: slugA, object: "model", owned_by: orgSlugA }]);
    expect(models.data[0]!.created).toBeGreaterThan(1_600_000_000);
  });

  it("answers without streaming from the avatar's materials, with citations as references and in fenshen", async () => {
    const { data: completion, response } = await client(await keyWith(adminA, "conversations:write"))
      .chat.completions.create({ model: slugA, messages: [{ role: "system", content: "Ignored." }, { role: "user", content: "How much salt can I eat a day?" }] })
      .withResponse();
    ZChatCompletion.parse(completion);
    const content = completion.choices[0]!.message.content!;
    expect(content).toContain("five grams");
    expect(content).toMatch(/\[1\][^]*\n\n\[1\] Salt/);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the response JSON is read loosely; the assertions check its shape
    const fenshen = (completion as unknown as { fenshen: Record<string, any> }).fenshen;
    expect(fenshen).toMatchObject({ kind: "answer", tier: "none", crisis: null, citations: [{ index: 1, documentTitle: "Salt" }] });
    expect(response.headers.get("x-fenshen-conversation")).toBe(fenshen.conversation_id);
    expect(await userMessages(fenshen.conversation_id)).toEqual([{ content: "How much salt can I eat a day?" }]);
  });

  it("streams chat.completion.chunk events ending with [DONE], the last chunk carrying fenshen", async () => {
    const { data: stream, response } = await client(await keyWith(adminA, "conversations:write"))
      .chat.completions.create({ model: slugA, messages: [{ role: "user", content: "Where does salt hide?" }], stream: true })
      .withResponse();
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const chunks = [];
    for await (const chunk of stream) chunks.push(ZChatCompletionChunk.parse(chunk));
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks[0]!.choices[0]!.delta.role).toBe("assistant");
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    const last = chunks.at(-1)!;
    expect(last.choices[0]!.finish_reason).toBe("stop");
    expect(chunks.slice(0, -1).every((c) => c.choices[0]!.finish_reason === null && !c.fenshen)).toBe(true);
    expect(last.fenshen).toMatchObject({ kind: "answer", conversation_id: response.headers.get("x-fenshen-conversation"), citations: [{ documentTitle: "Salt" }] });
    const text = chunks.map((c) => c.choices[0]!.delta.content ?? "").join("");
    expect(text).toContain("bread, soup and processed meat");
    expect(text).toContain("\n\n[1] Salt");
  });

  it("continues a conversation named by the header or by conversation_id, reading only the last message", async () => {
    const openai = client(await keyWith(adminA, "conversations:write"));
    const first = (await openai.chat.completions.create({ model: slugA, messages: [{ role: "user", content: "How much salt can I eat a day?" }] })) as unknown as { fenshen: { conversation_id: string } };
    const conversationId = first.fenshen.conversation_id;
    const history = [
      { role: "user" as const, content: "How much salt can I eat a day?" },
      { role: "assistant" as const, content: "Less than five grams." },
    ];
    const { response } = await openai.chat.completions
      .create({ model: slugA, messages: [...history, { role: "user", content: "Which foods hide it?" }] }, { headers: { "X-Fenshen-Conversation": conversationId } })
      .withResponse();
    expect(response.headers.get("x-fenshen-conversation")).toBe(conversationId);
    const third = (await openai.chat.completions.create({
      model: slugA,
      messages: [{ role: "user", content: [{ type: "text", text: "And in soup?" }] }],
      conversation_id: conversationId,
    } as OpenAI.ChatCompletionCreateParamsNonStreaming)) as unknown as { fenshen: { conversation_id: string } };
    expect(third.fenshen.conversation_id).toBe(conversationId);
    expect((await userMessages(conversationId)).map((m) => m.content)).toEqual(["How much salt can I eat a day?", "Which foods hide it?", "And in soup?"]);
  });

  it("answers a crisis with the vetted reply and an escalation, the verdict in fenshen.crisis", async () => {
    const stream = await client(await keyWith(adminA, "conversations:write")).chat.completions.create({
      model: slugA,
      messages: [{ role: "user", content: "我不想活了，今晚就想结束自己的生命" }],
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(ZChatCompletionChunk.parse(chunk));
    const fenshen = chunks.at(-1)!.fenshen!;
    expect(fenshen).toMatchObject({ kind: "crisis", tier: "crisis", crisis: { category: "suicide" }, citations: [] });
    const crisis = fenshen.crisis as { escalationId: string; hotlines: { number: string }[] };
    const text = chunks.map((c) => c.choices[0]!.delta.content ?? "").join("");
    expect(text).toContain(crisis.hotlines[0]!.number);
    const [row] = await database.db.select().from(escalations).where(eq(escalations.id, crisis.escalationId));
    expect(row).toMatchObject({ orgId: adminA.orgId, conversationId: fenshen.conversation_id, status: "open" });
  });

  it("refuses another organization's avatar (404), a bad key (401) and a key without the scope (403), in OpenAI's error shape", async () => {
    const keyA = await keyWith(adminA, "conversations:write");
    const request = { model: slugB, messages: [{ role: "user" as const, content: "Hello" }] };
    const notFound = await client(keyA).chat.completions.create(request).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(OpenAI.NotFoundError);
    expect((notFound as InstanceType<typeof OpenAI.NotFoundError>).error).toEqual({ message: expect.stringContaining(slugB), type: "invalid_request_error", param: null, code: "not_found" });

    const badKey = await client("fsk_not-a-real-key").chat.completions.create({ ...request, model: slugA }).catch((e: unknown) => e);
    expect(badKey).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(badKey).toMatchObject({ status: 401, type: "authentication_error", code: "unauthorized" });

    const noScope = await client(await keyWith(adminA, "avatars:read")).chat.completions.create({ ...request, model: slugA, stream: true }).catch((e: unknown) => e);
    expect(noScope).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((noScope as Error).message).toContain("conversations:write");
    const modelsWithoutScope = await client(keyA).models.list().catch((e: unknown) => e);
    expect(modelsWithoutScope).toMatchObject({ status: 403, type: "permission_error" });
  });

  it("names bad input (400): a last message not from the user, an empty one, a conversation with another avatar", async () => {
    const openai = client(await keyWith(adminA, "conversations:write"));
    const notUser = await openai.chat.completions.create({ model: slugA, messages: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello" }] }).catch((e: unknown) => e);
    expect(notUser).toBeInstanceOf(OpenAI.BadRequestError);
    expect((notUser as Error).message).toMatch(/last message .* role "user"/);
    const empty = await openai.chat.completions.create({ model: slugA, messages: [{ role: "user", content: "  " }] }).catch((e: unknown) => e);
    expect(empty).toMatchObject({ status: 400, type: "invalid_request_error" });
    expect((empty as Error).message).toMatch(/empty/);
    const image = await openai.chat.completions
      .create({ model: slugA, messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "https://example.org/x.png" } }] }] })
      .catch((e: unknown) => e);
    expect((image as Error).message).toMatch(/only text is accepted/);

    const conversationB = await client(await keyWith(adminB, "conversations:write")).chat.completions.create({ model: slugB, messages: [{ role: "user", content: "Salt?" }] });
    const idB = (conversationB as unknown as { fenshen: { conversation_id: string } }).fenshen.conversation_id;
    const foreign = await openai.chat.completions.create({ model: slugA, messages: [{ role: "user", content: "Hi" }] }, { headers: { "X-Fenshen-Conversation": idB } }).catch((e: unknown) => e);
    expect(foreign).toBeInstanceOf(OpenAI.NotFoundError);
    const { fenshen } = (await openai.chat.completions.create({ model: slugA, messages: [{ role: "user", content: "Salt?" }] })) as unknown as { fenshen: { conversation_id: string } };
    const otherModel = await openai.chat.completions.create({ model: slugB, messages: [{ role: "user", content: "Hi" }] }, { headers: { "X-Fenshen-Conversation": fenshen.conversation_id } }).catch((e: unknown) => e);
    expect(otherModel).toMatchObject({ status: 400 });
    expect((otherModel as Error).message).toContain(`with the model "${slugA}"`);
  });
  it("answers past the chat limit with 429 rate_limit_error, and still answers a crisis", async () => {
    const openai = client(await keyWith(adminA, "conversations:write"));
    const ask = () => openai.chat.completions.create({ model: slugA, messages: [{ role: "user", content: "Salt?" }] });
    for (let i = 0; i < 3; i++) await ask();
    const refused = await ask().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    expect(refused).toMatchObject({ status: 429, type: "rate_limit_error", code: "rate_limited" });
    expect((refused as InstanceType<typeof OpenAI.RateLimitError>).headers.get("retry-after")).toMatch(/^\d+$/);
    const crisis = (await openai.chat.completions.create({ model: slugA, messages: [{ role: "user", content: "我不想活了，今晚就想结束自己的生命" }] })) as unknown as { fenshen: { tier: string } };
    expect(crisis.fenshen.tier).toBe("crisis");
  });
});

describe("the response schemas", () => {
  it("describe what GET /api/v1/models answers", async () => {
    const response = await fetch(`${server.origin}/api/v1/models`, { headers: { authorization: `Bearer ${await keyWith(adminA, "avatars:read")}` } });
    expect(ZModelList.safeParse(await response.json()).success).toBe(true);
  });
});

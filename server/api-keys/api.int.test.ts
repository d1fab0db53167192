import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { apiKeys, escalations } from "@/db/schema";
import { GET as getAvatars } from "@/app/api/v1/avatars/route";
import { POST as postMessage } from "@/app/api/v1/conversations/[conversationId]/messages/route";
import { POST as postConversation } from "@/app/api/v1/conversations/route";
import { GET as getEscalations } from "@/app/api/v1/escalations/route";
import type { Principal } from "@/server/principal/principal";
import { publishedSaltAvatar } from "@/server/test/chat";
import { createTestDatabase, createTestOrg } from "@/server/test/db";
import { createApiKey, hashApiKey, revokeApiKey } from "./api-keys.service";

let database: Database;
let adminA: Principal<"staff">;
let adminB: Principal<"staff">;
let slugA = "";
let slugB = "";

/** The route handlers read the process database; here it is the test's. */
const globalForDb = globalThis as unknown as { fenshenDatabase?: () => Promise<Database> };

const call = async (handler: (r: Request, c: { params: Promise<never> }) => Promise<Response>, key: string | null, init: { method?: string; url?: string; body?: unknown; params?: object } = {}) => {
  const request = new Request(init.url ?? "http://localhost/api/v1/x", {
    method: init.method ?? "GET",
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) as Promise<never> });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the response JSON is read loosely; the assertions check its shape
  return { status: response.status, json: (await response.json()) as { data?: any; error?: { code: string; message: string } } };
};

beforeAll(async () => {
  database = await createTestDatabase();
  globalForDb.fenshenDatabase = async () => database;
  adminA = (await createTestOrg(database, ["admin"])).actors.admin;
  adminB = (await createTestOrg(database, ["admin"])).actors.admin;
  slugA = await publishedSaltAvatar(database.db, adminA, "Dr. A");
  slugB = await publishedSaltAvatar(database.db, adminB, "Dr. B");
});

afterAll(async () => {
  delete globalForDb.fenshenDatabase;
  await database?.close();
});

describe("organization API keys", () => {
  it("are shown once and stored only as a SHA-256 hash with a short prefix", async () => {
    const created = await createApiKey(database.db, adminA, { name: "Portal", scopes: ["avatars:read"] });
    expect(created.key).toMatch(/^fsk_/);
    const [row] = await database.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row!.hash).toBe(hashApiKey(created.key));
    expect(created.key.startsWith(row!.prefix)).toBe(true);
    expect(JSON.stringify(row)).not.toContain(created.key);
  });

  it("refuse a missing or unknown key (401) and a key without the scope (403)", async () => {
    const { key } = await createApiKey(database.db, adminA, { name: "Escalations only", scopes: ["escalations:read"] });
    expect((await call(getAvatars, null)).status).toBe(401);
    expect((await call(getAvatars, "fsk_not-a-real-key")).status).toBe(401);
    const wrongScope = await call(getAvatars, key);
    expect(wrongScope.status).toBe(403);
    expect(wrongScope.json.error!.message).toContain("avatars:read");
  });

  it("list only the key's organization's published avatars", async () => {
    const { key } = await createApiKey(database.db, adminA, { name: "Portal", scopes: ["avatars:read"] });
    const { status, json } = await call(getAvatars, key);
    expect(status).toBe(200);
    expect(json.data.map((a: { slug: string }) => a.slug)).toEqual([slugA]);
  });

  it("stop working at once when revoked", async () => {
    const created = await createApiKey(database.db, adminA, { name: "Old", scopes: ["avatars:read"] });
    expect((await call(getAvatars, created.key)).status).toBe(200);
    await revokeApiKey(database.db, adminA, created.id);
    const after = await call(getAvatars, created.key);
    expect(after.status).toBe(401);
    expect(after.json.error!.message).toMatch(/revoked/);
  });
});

describe("conversations through the API", () => {
  it("answer from the materials with citations, through the patient pipeline", async () => {
    const { key } = await createApiKey(database.db, adminA, { name: "Portal", scopes: ["conversations:write"] });
    const started = await call(postConversation, key, { method: "POST", body: { avatar: slugA } });
    expect(started.status).toBe(200);
    const { conversationId } = started.json.data;
    const answer = await call(postMessage, key, { method: "POST", body: { message: "How much salt can I eat a day?" }, params: { conversationId } });
    expect(answer.status).toBe(200);
    expect(answer.json.data).toMatchObject({ conversationId, kind: "answer", tier: "none", crisis: null, support: null, screening: null });
    expect(answer.json.data.text).toContain("five grams");
    expect(answer.json.data.citations[0]).toMatchObject({ documentTitle: "Salt" });
  });

  it("escalate a crisis message, and the escalation is readable with escalations:read", async () => {
    const { key } = await createApiKey(database.db, adminA, { name: "Portal", scopes: ["conversations:write", "escalations:read"] });
    const { conversationId } = (await call(postConversation, key, { method: "POST", body: { avatar: slugA } })).json.data;
    const reply = await call(postMessage, key, { method: "POST", body: { message: "我不想活了，今晚就想结束自己的生命" }, params: { conversationId } });
    expect(reply.status).toBe(200);
    expect(reply.json.data).toMatchObject({ kind: "crisis", tier: "crisis", crisis: { category: "suicide" } });
    const escalationId = reply.json.data.crisis.escalationId as string;
    const [row] = await database.db.select().from(escalations).where(eq(escalations.id, escalationId));
    expect(row).toMatchObject({ orgId: adminA.orgId, conversationId, status: "open" });
    const listed = await call(getEscalations, key, { url: "http://localhost/api/v1/escalations?status=open" });
    expect(listed.json.data.map((e: { id: string }) => e.id)).toContain(escalationId);
  });

  it("carry a check-in's tier and screening question, and escalate a yes to it", async () => {
    const { key } = await createApiKey(database.db, adminA, { name: "Portal", scopes: ["conversations:write"] });
    const { conversationId } = (await call(postConversation, key, { method: "POST", body: { avatar: slugA } })).json.data;
    const send = (message: string) => call(postMessage, key, { method: "POST", body: { message }, params: { conversationId } });
    const checkIn = (await send("I've had bad indigestion since dinner and the antacids aren't touching it.")).json.data;
    expect(checkIn).toMatchObject({ tier: "check_in", crisis: null, screening: { category: "medical", question: "Is the pain still there now, and does it spread to your arm, jaw or back?" } });
    expect(checkIn.support.hotlines.length).toBeGreaterThan(0);
    expect(checkIn.text).toContain(checkIn.screening.question);
    expect((await send("Yes, it goes into my left arm.")).json.data).toMatchObject({ tier: "crisis", crisis: { category: "medical", level: "imminent" } });
  });

  it("treat another organization's avatar and conversation as not found, and name bad input", async () => {
    const a = await createApiKey(database.db, adminA, { name: "A", scopes: ["conversations:write", "escalations:read"] });
    const b = await createApiKey(database.db, adminB, { name: "B", scopes: ["conversations:write", "escalations:read"] });
    expect((await call(postConversation, a.key, { method: "POST", body: { avatar: slugB } })).status).toBe(404);
    const { conversationId } = (await call(postConversation, a.key, { method: "POST", body: { avatar: slugA } })).json.data;
    expect((await call(postMessage, b.key, { method: "POST", body: { message: "Hello" }, params: { conversationId } })).status).toBe(404);
    expect((await call(getEscalations, b.key)).json.data).toEqual([]);
    const empty = await call(postMessage, a.key, { method: "POST", body: { message: "  " }, params: { conversationId } });
    expect(empty.status).toBe(400);
    expect(empty.json.error!.message).toMatch(/message/i);
    expect((await call(getEscalations, a.key, { url: "http://localhost/api/v1/escalations?limit=9999" })).status).toBe(400);
  });
});


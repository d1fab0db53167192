import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import type { Principal } from "@/server/principal/principal";
import { createApiKey } from "@/server/api-keys/api-keys.service";
import { createAvatar } from "@/server/avatars/avatar.service";
import { publishAvatar } from "@/server/publishing/publishing.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { pasteDocument } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";

// Read once by the app's config, at the first request below: a small per-client chat limit.
process.env.RATE_LIMIT_CHAT_CLIENT = "3/1h";

type Handler = (r: Request, c: { params: Promise<never> }) => Promise<Response>;
/** One app instance: its own copy of every module (a limit kept in a module's memory would be its own), the test's database. */
async function appInstance() {
  vi.resetModules();
  return {
    postConversation: (await import("@/app/api/v1/conversations/route")).POST as Handler,
    postMessage: (await import("@/app/api/v1/conversations/[conversationId]/messages/route")).POST as Handler,
  };
}

const globalForDb = globalThis as unknown as { fenshenDatabase?: () => Promise<Database> };
let database: Database;
let admin: Principal<"staff">;
let slug = "";

const call = async (handler: Handler, key: string, body: unknown, params: object = {}) => {
  const request = new Request("http://localhost/api/v1/x", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  const response = await handler(request, { params: Promise.resolve(params) as Promise<never> });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the response JSON is read loosely; the assertions check its shape
  return { status: response.status, retryAfter: response.headers.get("retry-after"), json: (await response.json()) as { data?: any; error?: { code: string; message: string; retryAfter?: number } } };
};

async function newConversation(instance: Awaited<ReturnType<typeof appInstance>>) {
  const { key } = await createApiKey(database.db, admin, { name: "Portal", scopes: ["conversations:write"] });
  const { conversationId } = (await call(instance.postConversation, key, { avatar: slug })).json.data;
  return { key, send: (i: typeof instance, message: string) => call(i.postMessage, key, { message }, { conversationId }) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  globalForDb.fenshenDatabase = async () => database;
  admin = (await createTestOrg(database, ["admin"])).actors.admin;
  const avatar = await createAvatar(database.db, admin, testAvatarProfile("Dr. L"));
  await pasteDocument(database.db, admin, { avatarId: avatar.id, title: "Salt", text: "# Salt\n\nEat less than five grams of salt a day." }, { maxBytes: 1 << 20 });
  await drainIngestionQueue(database.db, createOfflineEmbedder());
  await publishAvatar(database.db, admin, avatar.id);
  slug = avatar.slug;
});

afterAll(async () => {
  delete globalForDb.fenshenDatabase;
  await database?.close();
});

describe("chat rate limits (/api/v1 messages)", () => {
  it("answer 429 with Retry-After and a clear message past the client's limit, and still give a crisis message its vetted reply", async () => {
    const app = await appInstance();
    const chat = await newConversation(app);
    for (let i = 0; i < 3; i++) expect((await chat.send(app, "How much salt can I eat?")).status).toBe(200);
    const refused = await chat.send(app, "How much salt can I eat?");
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(3500);
    expect(refused.json.error).toMatchObject({ code: "rate_limited", retryAfter: Number(refused.retryAfter) });
    expect(refused.json.error!.message).toMatch(/sending messages too quickly.*wait \d+ minutes/);

    const crisis = await chat.send(app, "I want to kill myself tonight");
    expect(crisis.status).toBe(200);
    expect(crisis.json.data).toMatchObject({ kind: "crisis", crisis: { category: "suicide" } });
    expect(crisis.json.data.text).toContain("988");
  });

  it("are counted together by two app instances sharing the database", async () => {
    const first = await appInstance();
    const second = await appInstance();
    expect(second.postMessage).not.toBe(first.postMessage);
    const chat = await newConversation(first);
    expect((await chat.send(first, "Hello")).status).toBe(200);
    expect((await chat.send(first, "Hello")).status).toBe(200);
    expect((await chat.send(second, "Hello")).status).toBe(200);
    expect((await chat.send(second, "Hello")).status).toBe(429);
    expect((await chat.send(first, "Hello")).status).toBe(429);
  });
});

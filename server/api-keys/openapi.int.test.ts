import { readdirSync } from "node:fs";
import path from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { GET as getAvatars } from "@/app/api/v1/avatars/route";
import { POST as postMessage } from "@/app/api/v1/conversations/[conversationId]/messages/route";
import { POST as postConversation } from "@/app/api/v1/conversations/route";
import { GET as getEscalations } from "@/app/api/v1/escalations/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { createAvatar } from "@/server/avatars/avatar.service";
import { publishAvatar } from "@/server/publishing/publishing.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { pasteDocument } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { serveRoutes } from "@/server/test/route-server";
import { createApiKey } from "./api-keys.service";
import { openApiDocument, ZApiAvatar, ZApiError, ZConversationStarted, ZEscalation, ZMessageAnswer } from "./openapi";

let database: Database;
let server: Awaited<ReturnType<typeof serveRoutes>>;
const globalForDb = globalThis as unknown as { fenshenDatabase?: () => Promise<Database> };

beforeAll(async () => {
  database = await createTestDatabase();
  globalForDb.fenshenDatabase = async () => database;
  server = await serveRoutes({ "/api/v1/openapi.json": { GET: getOpenApi } });
});

afterAll(async () => {
  await server?.close();
  delete globalForDb.fenshenDatabase;
  await database?.close();
});

/** Every route file under app/api/v1, as the path the document names it by ({param} for [param]). */
function v1Routes(dir = path.resolve("app/api/v1"), prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === "route.ts" ? [prefix || "/"] : [];
    return v1Routes(path.join(dir, entry.name), `${prefix}/${entry.name.replace(/^\[(.+)\]$/, "{$1}")}`);
  });
}

describe("the OpenAPI description of /api/v1", () => {
  it("is served without a key and is valid OpenAPI 3.1 by @readme/openapi-parser", async () => {
    const response = await fetch(`${server.origin}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(document);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("is checked for real: a reference to a missing schema is invalid", async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the response JSON is read loosely; the assertions check its shape
    const broken = structuredClone(openApiDocument()) as { paths: Record<string, any> };
    broken.paths["/avatars"].get.responses["200"].content["application/json"].schema = { $ref: "#/components/schemas/Nowhere" };
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it("describes every route under app/api/v1, and nothing else", () => {
    expect(Object.keys(openApiDocument().paths).sort()).toEqual(v1Routes().sort());
  });

  it("has request schemas generated from the zod schemas the handlers parse with", () => {
    const { schemas } = openApiDocument().components;
    expect(schemas.SendMessage).toMatchObject({ properties: { message: { type: "string", minLength: 1, maxLength: 4000 } }, required: ["message"] });
    expect(schemas.ChatCompletionRequest).toMatchObject({ required: ["model", "messages"], properties: { conversation_id: { type: "string" } } });
  });

  it("matches what the native endpoints answer", async () => {
    const { actors } = await createTestOrg(database, ["admin"]);
    const avatar = await createAvatar(database.db, actors.admin, testAvatarProfile("Dr. Doc"));
    await pasteDocument(database.db, actors.admin, { avatarId: avatar.id, title: "Salt", text: "# Salt\n\nEat less than five grams of salt a day." }, { maxBytes: 1 << 20 });
    await drainIngestionQueue(database.db, createOfflineEmbedder());
    await publishAvatar(database.db, actors.admin, avatar.id);
    const { key } = await createApiKey(database.db, actors.admin, { name: "Docs", scopes: ["avatars:read", "conversations:write", "escalations:read"] });
    const call = async (handler: (r: Request, c: { params: Promise<never> }) => Promise<Response>, body?: object, params: object = {}) => {
      const request = new Request("http://localhost/api/v1/x", {
        method: body ? "POST" : "GET",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      });
      return (await handler(request, { params: Promise.resolve(params) as Promise<never> })).json();
    };
    const expectShape = (schema: z.ZodType, value: unknown) => expect(schema.safeParse(value).error).toBeUndefined();
    expectShape(ZApiAvatar, (await call(getAvatars)).data[0]);
    const started = (await call(postConversation, { avatar: avatar.slug })).data;
    expectShape(ZConversationStarted, started);
    const answer = (await call(postMessage, { message: "我不想活了，今晚就想结束自己的生命" }, { conversationId: started.conversationId })).data;
    expect(answer.crisis).not.toBeNull();
    expectShape(ZMessageAnswer, answer);
    const escalations = (await call(getEscalations)).data;
    expect(escalations.length).toBe(1);
    expectShape(ZEscalation, escalations[0]);
    expectShape(ZApiError, await call(postConversation, { avatar: "" }));
  });
});

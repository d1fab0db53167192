import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { publishAvatar } from "@/server/publishing/publishing.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { pasteDocument } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { embedAccess } from "./embed-access";
import { signEmbedToken } from "./embed-token";
import { sessionHash } from "@/server/chat/patient-session";
import { admitWidgetMessage } from "./widget-chat";
import { ZWidgetSettingsInput } from "./origins";
import { embedOrgId, getWidgetPolicy, getWidgetSettings, updateWidgetSettings } from "./widget.service";
import { codeOf } from "@/server/test/trpc";
import type { AppError } from "@/server/lib/errors";

const SECRET = "test-secret-of-sufficient-length-0123456789";
const HOST = "fenshen.test:3000";
const SITE = "https://www.hospital.example";

let database: Database;
let adminA: Principal<"staff">;
let adminB: Principal<"staff">;
let slugA = "";
let slugB = "";

beforeAll(async () => {
  database = await createTestDatabase();
  adminA = (await createTestOrg(database, ["admin"])).actors.admin;
  adminB = (await createTestOrg(database, ["admin"])).actors.admin;
  for (const [actor, set] of [
    [adminA, (s: string) => (slugA = s)],
    [adminB, (s: string) => (slugB = s)],
  ] as const) {
    const avatar = await createAvatar(database.db, actor, testAvatarProfile("Dr. W"));
    await pasteDocument(database.db, actor, { avatarId: avatar.id, title: "Notes", text: "# Salt\n\nEat less salt." }, { maxBytes: 1 << 20 });
    await drainIngestionQueue(database.db, createOfflineEmbedder());
    await publishAvatar(database.db, actor, avatar.id);
    set(avatar.slug);
  }
  await updateWidgetSettings(database.db, adminA, ZWidgetSettingsInput.parse({ allowedOrigins: [`${SITE}/`, "http://127.0.0.1:4100"], rateLimitPerMinute: 3 }));
});

afterAll(async () => {
  await database?.close();
});

describe("widget settings", () => {
  it("normalise origins, and name what is wrong with a bad one", async () => {
    const settings = await getWidgetSettings(database.db, adminA);
    expect(settings.allowedOrigins).toEqual([SITE, "http://127.0.0.1:4100"]);
    expect(settings.publishedAvatars.map((a) => a.slug)).toEqual([slugA]);
    expect(() => ZWidgetSettingsInput.parse({ allowedOrigins: ["https://www.hospital.example/chat"], rateLimitPerMinute: 3 })).toThrow(/scheme, host and port only/);
    expect(() => ZWidgetSettingsInput.parse({ allowedOrigins: ["javascript:alert(1)"], rateLimitPerMinute: 3 })).toThrow(/is not an origin/);
    expect(() => ZWidgetSettingsInput.parse({ allowedOrigins: [], rateLimitPerMinute: 0 })).toThrow(/at least 1/);
  });

  it("belong to one organization: another's embed URL finds its own policy only", async () => {
    expect(await embedOrgId(database.db, { avatarSlug: slugB })).toBe(adminB.orgId);
    expect((await getWidgetPolicy(database.db, adminB.orgId)).allowedOrigins).toEqual([]);
  });
});

describe("the embed page", () => {
  const policy = { allowedOrigins: [SITE], rateLimitPerMinute: 3 };
  const base = { orgId: "org-a", policy, token: null, originHint: null, host: HOST, secret: SECRET };

  it("serves the chat to an allowed site named by the frame's Referer, and hands out a token for it", () => {
    const access = embedAccess({ ...base, referer: `${SITE}/clinic/cardiology` });
    expect(access).toMatchObject({ origin: SITE, allowed: true });
    expect(access.embedToken).toBeTruthy();
  });

  it("refuses another site even when widget.js's hint names an allowed one", () => {
    expect(embedAccess({ ...base, referer: "https://evil.example/", originHint: SITE })).toMatchObject({ origin: "https://evil.example", allowed: false, embedToken: null });
  });

  it("uses the hint only without a Referer from another site, and a valid token for its own links", () => {
    expect(embedAccess({ ...base, referer: null, originHint: SITE }).allowed).toBe(true);
    expect(embedAccess({ ...base, referer: `http://${HOST}/embed/org/x`, originHint: null }).allowed).toBe(false);
    const token = signEmbedToken(SECRET, { orgId: "org-a", origin: SITE });
    expect(embedAccess({ ...base, referer: `http://${HOST}/embed/org/x`, token }).allowed).toBe(true);
    expect(embedAccess({ ...base, orgId: "org-b", referer: `http://${HOST}/embed/org/x`, token }).allowed).toBe(false);
  });
});

describe("a widget chat message", () => {
  const admit = (embedToken: string, over: { origin?: string | null; slug?: string; message?: string; session?: string; now?: number } = {}) =>
    admitWidgetMessage(database.db, {
      request: { slug: over.slug ?? slugA, message: over.message ?? "Hello", sessionToken: over.session ?? "s".repeat(32), embedToken },
      origin: over.origin === undefined ? `http://${HOST}` : over.origin,
      referer: null,
      host: HOST,
      address: "203.0.113.7",
      secret: SECRET,
      now: over.now,
    });

  it("is admitted from the embed page of an allowed site", async () => {
    expect(await admit(signEmbedToken(SECRET, { orgId: adminA.orgId, origin: SITE }))).toMatchObject({
      embeddingOrigin: SITE,
      assessment: { message: expect.any(String) },
      // The page's session token, hashed as the widget's own kind of session: never a browser or API session.
      patient: { kind: "patient", sessionHash: sessionHash("widget", "s".repeat(32)), userId: null },
    });
  });

  it("is refused from another site's page (403), with a forged token, or for another organization's avatar (404)", async () => {
    const token = signEmbedToken(SECRET, { orgId: adminA.orgId, origin: SITE });
    expect(await codeOf(admit(token, { origin: "https://evil.example" }))).toBe("forbidden");
    expect(await codeOf(admit(token, { origin: null }))).toBe("forbidden");
    expect(await codeOf(admit(signEmbedToken("another-secret-xxxxxxxxxxxxxxxxxxxx", { orgId: adminA.orgId, origin: SITE })))).toBe("forbidden");
    expect(await codeOf(admit(signEmbedToken(SECRET, { orgId: adminA.orgId, origin: "https://evil.example" })))).toBe("forbidden");
    expect(await codeOf(admit(token, { slug: slugB }))).toBe("not_found");
  });

  it("is rate limited per embedding site, counted in the database (429 with a clear message), except a crisis message", async () => {
    // A window of its own: an hour after the tests above, whose hits are then forgotten.
    const now = Date.now() + 3600_000;
    const token = signEmbedToken(SECRET, { orgId: adminA.orgId, origin: SITE }, now);
    // Each message from another frame session: the site's limit (3 a minute) is what refuses.
    for (let i = 0; i < 3; i++) expect(await codeOf(admit(token, { session: `session-${i}`.padEnd(20, "x"), now }))).toBe("OK");
    const refused = admit(token, { session: "session-4".padEnd(20, "x"), now });
    await expect(refused).rejects.toThrow(/too many messages in the last minute.*wait \d+ seconds/);
    expect(((await refused.catch((e: unknown) => e)) as AppError).retryAfterSeconds).toBe(60);
    expect(await codeOf(admit(token, { session: "session-5".padEnd(20, "x"), message: "I want to kill myself tonight", now }))).toBe("OK");
    // Another allowed site has its own count.
    expect(await codeOf(admit(signEmbedToken(SECRET, { orgId: adminA.orgId, origin: "http://127.0.0.1:4100" }, now), { now }))).toBe("OK");
  });
});

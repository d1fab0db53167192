import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { conversations, escalations, messages } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { createCaller } from "./root";

let database: Database;
let orgA: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor" | "reviewer" | "on_call">>>;
let orgB: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor">>>;
const ids = { avatarId: "", documentId: "", escalationId: "" };

const callerFor = (actor: Actor | null) => createCaller({ db: database.db, actor, wakeWorker: () => {} });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

/** Every protected procedure, called with org A's ids. */
const procedures: [string, (c: ReturnType<typeof callerFor>) => Promise<unknown>][] = [
  ["account.me", (c) => c.account.me()],
  ["avatar.list", (c) => c.avatar.list()],
  ["avatar.get", (c) => c.avatar.get({ avatarId: ids.avatarId })],
  ["avatar.create", (c) => c.avatar.create(testAvatarProfile("New avatar"))],
  ["avatar.update", (c) => c.avatar.update({ avatarId: ids.avatarId, profile: testAvatarProfile("Renamed") })],
  ["avatar.publish", (c) => c.avatar.publish({ avatarId: ids.avatarId })],
  ["knowledge.documents", (c) => c.knowledge.documents({ avatarId: ids.avatarId })],
  ["knowledge.passages", (c) => c.knowledge.passages({ documentId: ids.documentId })],
  ["knowledge.paste", (c) => c.knowledge.paste({ avatarId: ids.avatarId, title: "T", text: "Some text." })],
  ["knowledge.setEnabled", (c) => c.knowledge.setEnabled({ documentId: ids.documentId, enabled: false })],
  ["knowledge.updateProvenance", (c) => c.knowledge.updateProvenance({ documentId: ids.documentId, provenance: { sourceKind: "guideline", sourceName: "ESC", edition: "2023", evidenceLevel: "1A", reviewBy: "2030-01-01" } })],
  ["knowledge.testRetrieval", (c) => c.knowledge.testRetrieval({ avatarId: ids.avatarId, query: "How much salt?" })],
  ["knowledge.delete", (c) => c.knowledge.delete({ documentId: ids.documentId })],
  ["escalation.list", (c) => c.escalation.list()],
  ["org.crisisSettings", (c) => c.org.crisisSettings()],
  ["org.updateCrisisSettings", (c) => c.org.updateCrisisSettings({ webhookUrl: "", webhookSecret: "", notifyEmail: "", responseTargetMinutes: 10, extraHotlines: [] })],
  ["escalation.acknowledge", (c) => c.escalation.acknowledge({ escalationId: ids.escalationId })],
  ["escalation.resolve", (c) => c.escalation.resolve({ escalationId: ids.escalationId, note: "Called back." })],
];

/** Procedures that name one of org A's records by id (list procedures are scoped instead). */
const byId = new Set([
  "avatar.get",
  "avatar.update",
  "avatar.publish",
  "knowledge.documents",
  "knowledge.passages",
  "knowledge.paste",
  "knowledge.setEnabled",
  "knowledge.updateProvenance",
  "knowledge.testRetrieval",
  "knowledge.delete",
  "escalation.acknowledge",
  "escalation.resolve",
]);

beforeAll(async () => {
  database = await createTestDatabase();
  orgA = await createTestOrg(database, ["admin", "doctor", "reviewer", "on_call"]);
  orgB = await createTestOrg(database, ["admin", "doctor"]);
  const doctor = callerFor(orgA.actors.doctor);
  const avatar = await doctor.avatar.create(testAvatarProfile("Dr. A"));
  ids.avatarId = avatar.id;
  const { document } = await doctor.knowledge.paste({ avatarId: avatar.id, title: "Notes", text: "# Salt\nEat less salt." });
  ids.documentId = document.id;
  const [conv] = await database.db
    .insert(conversations)
    .values({ orgId: orgA.orgId, avatarId: avatar.id, sessionHash: "h", locale: "en" })
    .returning();
  const [msg] = await database.db
    .insert(messages)
    .values({ orgId: orgA.orgId, conversationId: conv!.id, role: "patient", kind: "question", content: "help" })
    .returning();
  const [esc] = await database.db
    .insert(escalations)
    .values({ orgId: orgA.orgId, avatarId: avatar.id, conversationId: conv!.id, messageId: msg!.id, category: "suicide", level: "imminent", evidence: [] })
    .returning();
  ids.escalationId = esc!.id;
});

afterAll(async () => {
  await database?.close();
});

describe("every protected procedure", () => {
  it.each(procedures)("%s refuses an anonymous caller with UNAUTHORIZED", async (_name, call) => {
    expect(await codeOf(call(callerFor(null)))).toBe("UNAUTHORIZED");
  });

  it.each(procedures.filter(([name]) => byId.has(name)))("%s refuses another organization's admin with NOT_FOUND", async (_name, call) => {
    expect(await codeOf(call(callerFor(orgB.actors.admin)))).toBe("NOT_FOUND");
  });
});

describe("scoped lists never show another organization's rows", () => {
  it("lists nothing of org A to org B", async () => {
    const b = callerFor(orgB.actors.admin);
    expect(await b.avatar.list()).toEqual([]);
    expect(await b.escalation.list()).toEqual([]);
  });
});

describe("roles inside one organization", () => {
  it("lets only admins change crisis routing, and never reads the webhook secret back", async () => {
    const settings = { webhookUrl: "https://hospital.example/hooks", webhookSecret: "a-long-shared-secret", notifyEmail: "", responseTargetMinutes: 10, extraHotlines: [] };
    expect(await codeOf(callerFor(orgA.actors.doctor).org.updateCrisisSettings(settings))).toBe("FORBIDDEN");
    const saved = await callerFor(orgA.actors.admin).org.updateCrisisSettings(settings);
    expect(saved).toMatchObject({ webhookUrl: "https://hospital.example/hooks", hasWebhookSecret: true });
    expect(JSON.stringify(saved)).not.toContain("a-long-shared-secret");
    expect(await codeOf(callerFor(orgA.actors.admin).org.updateCrisisSettings({ ...settings, webhookUrl: "not a url" }))).toBe("BAD_REQUEST");
  });

  it("lets a reviewer read but not edit an avatar", async () => {
    const reviewer = callerFor(orgA.actors.reviewer);
    expect((await reviewer.avatar.get({ avatarId: ids.avatarId })).id).toBe(ids.avatarId);
    expect(await codeOf(reviewer.avatar.update({ avatarId: ids.avatarId, profile: testAvatarProfile("X") }))).toBe("FORBIDDEN");
    expect(await codeOf(reviewer.escalation.list())).toBe("FORBIDDEN");
  });

  it("keeps on-call members out of avatars but lets them answer escalations", async () => {
    const onCall = callerFor(orgA.actors.on_call);
    expect(await codeOf(onCall.avatar.create(testAvatarProfile("X")))).toBe("FORBIDDEN");
    expect(await codeOf(onCall.avatar.get({ avatarId: ids.avatarId }))).toBe("FORBIDDEN");
    expect((await onCall.escalation.list()).map((e) => e.id)).toContain(ids.escalationId);
  });

  it("keeps a doctor out of another doctor's avatar", async () => {
    const { actors } = await createTestOrg(database, ["doctor"]);
    const colleague: Actor = { ...actors.doctor, orgId: orgA.orgId };
    await database.query("insert into memberships (org_id, user_id, role) values ($1, $2, 'doctor')", [orgA.orgId, colleague.userId]);
    expect(await codeOf(callerFor(colleague).avatar.get({ avatarId: ids.avatarId }))).toBe("FORBIDDEN");
    expect(await callerFor(colleague).escalation.list()).toEqual([]);
  });
});

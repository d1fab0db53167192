import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { avatarVersions, conversations, escalations, messageFeedback, messages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { codeOf, testCaller } from "@/server/test/trpc";

let database: Database;
let org: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor" | "reviewer" | "on_call">>>;
let other: Awaited<ReturnType<typeof createTestOrg<"admin">>>;
let avatarId = "";
let secondAvatarId = "";
const callerFor = (actor: Principal<"staff">) => testCaller(database.db, actor);
const period = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") };
const at = (iso: string) => new Date(iso);

async function versionOf(id: string, publishedBy: string) {
  const [v] = await database.db.insert(avatarVersions).values({ orgId: org.orgId, avatarId: id, number: 1, snapshot: testAvatarProfile("v") as never, publishedBy }).returning();
  return v!.id;
}

/** A conversation of question/answer pairs at given times; kind of each answer as given. */
async function conversation(args: { avatarId: string; versionId: string | null; source?: "patient" | "simulation"; turns: { at: string; question: string; answer: "answer" | "no_answer" | "crisis"; model?: string }[] }) {
  const [c] = await database.db
    .insert(conversations)
    .values({ orgId: org.orgId, avatarId: args.avatarId, avatarVersionId: args.versionId, sessionHash: crypto.randomUUID(), locale: "en", source: args.source ?? "patient", createdAt: at(args.turns[0]!.at) })
    .returning();
  const ids: string[] = [];
  for (const turn of args.turns) {
    const asked = at(turn.at);
    const [q] = await database.db.insert(messages).values({ orgId: org.orgId, conversationId: c!.id, role: "patient", kind: "question", content: turn.question, createdAt: asked }).returning();
    const [a] = await database.db
      .insert(messages)
      .values({ orgId: org.orgId, conversationId: c!.id, role: "avatar", kind: turn.answer, content: "…", model: turn.model ?? "offline-composer", createdAt: new Date(asked.getTime() + 1000) })
      .returning();
    ids.push(q!.id, a!.id);
  }
  return { id: c!.id, messageIds: ids };
}

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrg(database, ["admin", "doctor", "reviewer", "on_call"]);
  other = await createTestOrg(database, ["admin"]);
  const admin = callerFor(org.actors.admin);
  const doctorAvatar = await callerFor(org.actors.doctor).avatar.create(testAvatarProfile("Dr. Counted"));
  const adminAvatar = await admin.avatar.create(testAvatarProfile("Dr. Other"));
  avatarId = doctorAvatar.id;
  secondAvatarId = adminAvatar.id;
  const v1 = await versionOf(avatarId, org.actors.doctor.userId);
  const v2 = await versionOf(secondAvatarId, org.actors.admin.userId);

  const a = await conversation({
    avatarId,
    versionId: v1,
    turns: [
      { at: "2026-03-02T01:30:00Z", question: "How much salt a day?", answer: "answer" },
      { at: "2026-03-02T01:35:00Z", question: "Can I drink coffee?", answer: "no_answer" },
    ],
  });
  await conversation({
    avatarId,
    versionId: v1,
    turns: [
      { at: "2026-03-03T01:10:00Z", question: "how much salt a day ？", answer: "answer", model: "curated-answer" },
      { at: "2026-03-03T01:20:00Z", question: "Can I drink coffee", answer: "no_answer" },
    ],
  });
  const crisis = await conversation({ avatarId, versionId: v1, turns: [{ at: "2026-03-04T14:00:00Z", question: "I want to end my life", answer: "crisis" }] });
  await database.db.insert(escalations).values([
    { orgId: org.orgId, avatarId, conversationId: crisis.id, messageId: crisis.messageIds[0]!, category: "suicide", level: "imminent", evidence: [], createdAt: at("2026-03-04T14:00:00Z"), acknowledgedAt: at("2026-03-04T14:06:00Z"), status: "acknowledged" },
  ]);
  await database.db.insert(messageFeedback).values([
    { orgId: org.orgId, messageId: a.messageIds[1]!, conversationId: a.id, rating: "up", createdAt: at("2026-03-02T02:00:00Z") },
    { orgId: org.orgId, messageId: a.messageIds[3]!, conversationId: a.id, rating: "down", comment: "no answer", createdAt: at("2026-03-02T02:00:00Z") },
  ]);
  // Not counted: outside the period, a studio preview, a simulation run.
  await conversation({ avatarId, versionId: v1, turns: [{ at: "2026-02-20T10:00:00Z", question: "Old question", answer: "answer" }] });
  await conversation({ avatarId, versionId: null, turns: [{ at: "2026-03-05T10:00:00Z", question: "Preview question", answer: "answer" }] });
  await conversation({ avatarId, versionId: v1, source: "simulation", turns: [{ at: "2026-03-05T10:00:00Z", question: "Simulated question", answer: "no_answer" }] });
  // Another avatar of the organization: in the organization's figures, not in the first avatar's.
  await conversation({ avatarId: secondAvatarId, versionId: v2, turns: [{ at: "2026-03-06T09:00:00Z", question: "Where is the clinic?", answer: "answer" }] });
});

afterAll(async () => {
  await database.close();
});

describe("analytics", () => {
  it("counts one avatar's real patient conversations in the period, not previews, simulations or other periods", async () => {
    const a = await callerFor(org.actors.doctor).analytics.get({ ...period, avatarId, timeZone: "UTC" });
    expect(a.totals).toMatchObject({ conversations: 3, questions: 5, answeredFromMaterials: 2, nothingFound: 2, crisisReplies: 1, curatedAnswersUsed: 1 });
    expect(a.totals.answeredShare).toBeCloseTo(0.5);
    expect(a.daily.map((d) => d.day)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
    expect(a.escalations).toMatchObject({ byCategory: [{ category: "suicide", count: 1 }], total: 1, acknowledged: 1, medianMinutesToAcknowledge: 6 });
    expect(a.feedback).toEqual({ up: 1, down: 1 });
    // Case, spacing and trailing punctuation ("salt a day ？") do not split a question.
    expect(a.topQuestions.slice(0, 2)).toEqual([
      { question: "can i drink coffee", count: 2 },
      { question: "how much salt a day", count: 2 },
    ]);
    expect(a.topGaps).toEqual([{ question: "can i drink coffee", count: 2 }]);
  });

  it("counts days and busiest hours in the viewer's time zone", async () => {
    const utc = await callerFor(org.actors.admin).analytics.get({ ...period, avatarId, timeZone: "UTC" });
    const shanghai = await callerFor(org.actors.admin).analytics.get({ ...period, avatarId, timeZone: "Asia/Shanghai" });
    expect(utc.busiestHours[1]!.questions).toBe(4);
    expect(shanghai.busiestHours[1]!.questions).toBe(0);
    expect(shanghai.busiestHours[9]!.questions).toBe(4);
    expect(shanghai.busiestHours[22]!.questions).toBe(1);
    expect(shanghai.daily.map((d) => d.day)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
  });

  it("gives the organization's figures to admins and reviewers, and doctors only their own avatars", async () => {
    const orgWide = await callerFor(org.actors.reviewer).analytics.get({ ...period, timeZone: "UTC" });
    expect(orgWide.totals.conversations).toBe(4);
    const doctorWide = await callerFor(org.actors.doctor).analytics.get({ ...period, timeZone: "UTC" });
    expect(doctorWide.totals.conversations).toBe(3);
    expect(await codeOf(callerFor(org.actors.doctor).analytics.get({ ...period, avatarId: secondAvatarId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(org.actors.on_call).analytics.get({ ...period }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(other.actors.admin).analytics.get({ ...period, avatarId }))).toBe("NOT_FOUND");
    expect((await callerFor(other.actors.admin).analytics.get({ ...period })).totals.conversations).toBe(0);
  });

  it("names a bad period or time zone", async () => {
    expect(await codeOf(callerFor(org.actors.admin).analytics.get({ from: period.to, to: period.from }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(org.actors.admin).analytics.get({ ...period, timeZone: "Mars/Olympus" }))).toBe("BAD_REQUEST");
  });
});

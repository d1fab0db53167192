import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { conversations, messageFeedback, messages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import type { ChatTarget } from "@/server/chat/engine";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { askOffline, previewTestTarget, publishedTestTarget } from "@/server/test/chat";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { caseCardSchema } from "@/db/schema/case-card";
import { consultCase } from "@/server/simulation/consult";
import { gapKey, LOW_RELEVANCE } from "./gaps.service";
import { codeOf, testCaller } from "@/server/test/trpc";

const embedder = createOfflineEmbedder();

let database: Database;
let org: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor" | "reviewer" | "on_call">>>;
let other: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor">>>;
let avatarId = "";
let slug = "";

const callerFor = (actor: Principal<"staff">) => testCaller(database.db, actor);

const patientTarget = () => publishedTestTarget(database.db, slug);
const previewTarget = () => previewTestTarget(database.db, org.actors.doctor, avatarId);
const ask = (target: ChatTarget, message: string) => askOffline(database.db, embedder, target, message);

const SOURDOUGH_ANSWER = "Sourdough bread is fine in moderation; choose wholegrain when you can.";
const SWIM_ANSWER = "Swimming is a good exercise for gout once an attack has settled.";

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrg(database, ["admin", "doctor", "reviewer", "on_call"]);
  other = await createTestOrg(database, ["admin", "doctor"]);
  const doctor = callerFor(org.actors.doctor);
  const avatar = await doctor.avatar.create(testAvatarProfile("Dr. Gap"));
  avatarId = avatar.id;
  slug = avatar.slug;
  await doctor.knowledge.paste({ avatarId, title: "Gout guideline", text: "# Gout\n\nAlcohol and purine-rich food can trigger gout attacks. Drink plenty of water, two litres a day.\n\n# 痛风\n\n痛风患者应多喝水，每天两升。" });
  await drainIngestionQueue(database.db, embedder);
  await doctor.avatar.publish({ avatarId });
});

afterAll(async () => {
  await database?.close();
});

describe("the conversation log", () => {
  it("records each answer's per-stage timings and its best passage's score", async () => {
    const { messageId } = await ask(await patientTarget(), "How much water should I drink with gout?");
    const log = await callerFor(org.actors.doctor).conversationLog.get({ conversationId: (await conversationOf(messageId))! });
    const answer = log.messages.find((m) => m.id === messageId)!;
    expect(answer).toMatchObject({ role: "avatar", kind: "answer", model: expect.any(String) });
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(Object.keys(answer.timings!)).toEqual(expect.arrayContaining(["safetyMs", "retrievalMs", "composeMs", "firstTokenMs", "totalMs", "topScore"]));
    expect(answer.timings!.topScore).toBeGreaterThan(0);
    expect(log.versionNumber).toBe(1);
  });

  it("filters by kind, language, text, version and date", async () => {
    await ask(await patientTarget(), "I want to kill myself tonight");
    await ask(await patientTarget(), "痛风每天喝多少水？");
    await ask(await previewTarget(), "Can I drink alcohol with gout?");
    const reviewer = callerFor(org.actors.reviewer);
    const list = async (filter: Record<string, unknown>) => (await reviewer.conversationLog.list({ avatarId, ...filter })).conversations.map((c) => c.firstQuestion);

    expect(await list({ kind: "crisis" })).toEqual(["I want to kill myself tonight"]);
    expect(await list({ language: "zh" })).toEqual(["痛风每天喝多少水？"]);
    expect(await list({ language: "en" })).not.toContain("痛风每天喝多少水？");
    expect(await list({ q: "DRINK ALCOHOL" })).toEqual(["Can I drink alcohol with gout?"]);
    expect(await list({ version: "preview" })).toEqual(["Can I drink alcohol with gout?"]);
    expect(await list({ from: new Date(Date.now() + 60_000) })).toEqual([]);
    expect((await list({})).length).toBe(4);
    expect(await codeOf(reviewer.conversationLog.list({ avatarId, from: new Date(), to: new Date(Date.now() - 86_400_000) }))).toBe("BAD_REQUEST");
  });
});

describe("the knowledge-gaps queue", () => {
  it("groups questions answered with nothing found, low relevance or a thumbs down, with counts", async () => {
    const first = await ask(await patientTarget(), "Can I eat sourdough bread?");
    const second = await ask(await patientTarget(), "can I eat sourdough bread");
    expect([first.kind, second.kind]).toEqual(["no_answer", "no_answer"]);

    const disliked = await ask(await patientTarget(), "How much water should I drink?");
    await database.db.insert(messageFeedback).values({ orgId: org.orgId, messageId: disliked.messageId, conversationId: disliked.conversationId, rating: "down", comment: "Too vague" });

    // A weak answer: its best passage was barely similar to the question.
    const weak = await ask(await patientTarget(), "Is swimming good exercise for gout?");
    await database.db.update(messages).set({ kind: "answer", timings: { safetyMs: 1, topScore: LOW_RELEVANCE / 2 } }).where(eq(messages.id, weak.messageId));

    const { groups } = await callerFor(org.actors.reviewer).gaps.list({ avatarId });
    const sourdough = groups.find((g) => g.key === gapKey("Can I eat sourdough bread?"))!;
    expect(sourdough).toMatchObject({ count: 2, reasons: ["no_answer"] });
    expect(sourdough.messageIds.sort()).toEqual([first.messageId, second.messageId].sort());
    expect(groups[0]!.key).toBe(sourdough.key);
    expect(groups.find((g) => g.messageIds.includes(disliked.messageId))).toMatchObject({ reasons: expect.arrayContaining(["thumbs_down"]), comments: ["Too vague"] });
    expect(groups.find((g) => g.messageIds.includes(weak.messageId))?.reasons).toContain("low_relevance");

    const onlyDown = await callerFor(org.actors.doctor).gaps.list({ avatarId, reason: "thumbs_down" });
    expect(onlyDown.groups.map((g) => g.messageIds)).toEqual([[disliked.messageId]]);
  });

  it("answered 'with the next version': the draft uses it at once, patients only after publishing", async () => {
    const doctor = callerFor(org.actors.doctor);
    const group = (await doctor.gaps.list({ avatarId })).groups.find((g) => g.key === gapKey("Can I eat sourdough bread?"))!;
    const result = await doctor.gaps.answer({ avatarId, messageIds: group.messageIds, question: "Can I eat sourdough bread?", answer: SOURDOUGH_ANSWER, apply: "next_version" });
    expect(result).toMatchObject({ live: false, resolved: 2 });

    const after = await doctor.gaps.list({ avatarId });
    expect(after.groups.some((g) => g.key === group.key)).toBe(false);
    expect(after.waitingForPublish).toBe(1);

    expect((await ask(await patientTarget(), "Can I eat sourdough bread?")).kind).toBe("no_answer");
    expect((await ask(await previewTarget(), "Can I eat sourdough bread?")).text).toBe(SOURDOUGH_ANSWER);

    await doctor.avatar.publish({ avatarId });
    expect((await ask(await patientTarget(), "Can I eat sourdough bread?")).text).toBe(SOURDOUGH_ANSWER);
    expect((await doctor.gaps.list({ avatarId })).waitingForPublish).toBe(0);
  });

  it("answered 'now, without re-publishing': patients get it at once", async () => {
    const doctor = callerFor(org.actors.doctor);
    const group = (await doctor.gaps.list({ avatarId, reason: "low_relevance" })).groups[0]!;
    await doctor.gaps.answer({ avatarId, messageIds: group.messageIds, question: "Is swimming good exercise for gout?", answer: SWIM_ANSWER, apply: "live" });
    expect((await ask(await patientTarget(), "Is swimming good exercise for gout?")).text).toBe(SWIM_ANSWER);
  });

  it("lets the doctor dismiss a gap", async () => {
    const doctor = callerFor(org.actors.doctor);
    const group = (await doctor.gaps.list({ avatarId, reason: "thumbs_down" })).groups[0]!;
    expect(await doctor.gaps.dismiss({ avatarId, messageIds: group.messageIds })).toEqual({ dismissed: 1 });
    expect((await doctor.gaps.list({ avatarId, reason: "thumbs_down" })).groups).toEqual([]);
  });
});

describe("permissions", () => {
  it("lets a reviewer read the log and the gaps but not answer or dismiss them; keeps on-call out", async () => {
    const { messageId } = await ask(await patientTarget(), "Can I eat chocolate cake?");
    const reviewer = callerFor(org.actors.reviewer);
    expect((await reviewer.gaps.list({ avatarId })).groups.length).toBeGreaterThan(0);
    expect(await codeOf(reviewer.gaps.answer({ avatarId, messageIds: [messageId], question: "Chocolate?", answer: "In moderation only.", apply: "live" }))).toBe("FORBIDDEN");
    expect(await codeOf(reviewer.gaps.dismiss({ avatarId, messageIds: [messageId] }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(org.actors.on_call).conversationLog.list({ avatarId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(org.actors.admin).gaps.dismiss({ avatarId, messageIds: [messageId] }))).toBe("OK");
  });

  it("answers another organization with not found, ids of another avatar too", async () => {
    const { messageId, conversationId } = await ask(await patientTarget(), "Can I eat ice cream?");
    const outsider = callerFor(other.actors.admin);
    expect(await codeOf(outsider.conversationLog.list({ avatarId }))).toBe("NOT_FOUND");
    expect(await codeOf(outsider.conversationLog.get({ conversationId }))).toBe("NOT_FOUND");
    expect(await codeOf(outsider.gaps.list({ avatarId }))).toBe("NOT_FOUND");
    expect(await codeOf(outsider.gaps.dismiss({ avatarId, messageIds: [messageId] }))).toBe("NOT_FOUND");

    const own = await callerFor(other.actors.doctor).avatar.create(testAvatarProfile("Other"));
    expect(await codeOf(callerFor(other.actors.doctor).gaps.answer({ avatarId: own.id, messageIds: [messageId], question: "Ice cream?", answer: "Rarely, and small.", apply: "live" }))).toBe("NOT_FOUND");
    const doctor = callerFor(org.actors.doctor);
    const second = await doctor.avatar.create(testAvatarProfile("Second"));
    expect(await codeOf(doctor.gaps.dismiss({ avatarId: second.id, messageIds: [messageId] }))).toBe("NOT_FOUND");
    expect(await codeOf(doctor.gaps.answer({ avatarId, messageIds: [messageId], question: "", answer: "x", apply: "live" }))).toBe("BAD_REQUEST");
  });
});

describe("teaching from the log", () => {
  it("offers correcting answers to those who may edit the avatar; the correction becomes a curated answer", async () => {
    const { messageId, conversationId, kind } = await ask(await previewTarget(), "Can I eat plum pudding?");
    expect(kind).toBe("no_answer");
    expect((await callerFor(org.actors.doctor).conversationLog.get({ conversationId })).canCorrect).toBe(true);
    expect((await callerFor(org.actors.admin).conversationLog.get({ conversationId })).canCorrect).toBe(true);
    expect((await callerFor(org.actors.reviewer).conversationLog.get({ conversationId })).canCorrect).toBe(false);
    expect(await codeOf(callerFor(org.actors.reviewer).simulationRun.correctMessage({ messageId, correction: "No." }))).toBe("FORBIDDEN");

    // A turn's question and answer may share a timestamp (a crisis turn is one transaction): still found.
    const [question] = await database.db.select({ createdAt: messages.createdAt }).from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.role, "patient")));
    await database.db.update(messages).set({ createdAt: question!.createdAt }).where(eq(messages.id, messageId));
    const pudding = "Plum pudding is rich: a small slice at a festive meal is fine.";
    const saved = await callerFor(org.actors.doctor).simulationRun.correctMessage({ messageId, correction: pudding });
    expect(saved).toMatchObject({ appliedAs: "curated_answer", messageId });
    expect((await ask(await previewTarget(), "Can I eat plum pudding?")).text).toBe(pudding);
  });
});

describe("simulation runs", () => {
  it("never appear in the conversation log or the gaps queue, for the draft or the published version", async () => {
    const card = caseCardSchema.parse({
      name: "Cracker lover",
      age: 50,
      sex: "male",
      language: "en",
      chiefComplaint: "Diet",
      openingLine: "Can I eat rye crackers with jam?",
    });
    const simulated: string[] = [];
    for (const target of [await previewTarget(), await patientTarget()]) {
      const transcript = await consultCase({ db: database.db, embedder, chatModel: null }, { target, card, maxTurns: 2, runId: crypto.randomUUID() });
      const first = transcript.find((t) => t.role === "interviewer")!;
      // The avatar found nothing: from a patient, this would be a gap.
      expect(first.meta?.kind).toBe("no_answer");
      simulated.push(first.meta!.messageId!);
    }
    const simConversations = await Promise.all(simulated.map(conversationOf));
    const sources = await database.db.select({ id: conversations.id, source: conversations.source }).from(conversations).where(eq(conversations.source, "simulation"));
    expect(sources.map((c) => c.id).sort()).toEqual([...simConversations].sort());

    const doctor = callerFor(org.actors.doctor);
    const listed = (await doctor.conversationLog.list({ avatarId })).conversations.map((c) => c.id);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((id) => simConversations.includes(id))).toEqual([]);
    expect((await doctor.conversationLog.list({ avatarId, version: "preview" })).conversations.map((c) => c.id)).not.toContain(simConversations[0]);
    expect((await doctor.conversationLog.list({ avatarId, kind: "no_answer", q: "rye crackers" })).conversations).toEqual([]);
    for (const conversationId of simConversations) expect(await codeOf(doctor.conversationLog.get({ conversationId: conversationId! }))).toBe("NOT_FOUND");

    const gapMessages = (await doctor.gaps.list({ avatarId })).groups.flatMap((g) => g.messageIds);
    expect(gapMessages.length).toBeGreaterThan(0);
    expect(gapMessages.filter((id) => simulated.includes(id))).toEqual([]);
    expect(await codeOf(doctor.gaps.dismiss({ avatarId, messageIds: simulated }))).toBe("NOT_FOUND");
  });
});

async function conversationOf(messageId: string) {
  const [row] = await database.db
    .select({ id: conversations.id })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messages.id, messageId)));
  return row?.id;
}

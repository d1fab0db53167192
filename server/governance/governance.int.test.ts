import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, avatars, avatarVersions, conversations, escalations, messages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { askOffline, publishedSaltAvatar, publishedTestTarget } from "@/server/test/chat";
import { auditToCsv, listAudit } from "./audit";
import { purgeExpiredConversations } from "./retention";
import { getPublicAvatarPhoto, setAvatarPhoto } from "@/server/avatars/photo.service";
import { getPublishedAvatarBySlug } from "@/server/avatars/avatar.service";
import { addCuratedAnswer } from "@/server/simulation/teach.service";
import { findCuratedAnswer } from "@/server/knowledge/retrieve/curated";
import { codeOf, testCaller } from "@/server/test/trpc";

let database: Database;
let org: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor" | "reviewer" | "on_call">>>;
let other: Awaited<ReturnType<typeof createTestOrg<"admin" | "reviewer">>>;
const callerFor = (actor: Principal<"staff">) => testCaller(database.db, actor);

/** A draft avatar with one processed document, so it may be published. */
async function readyAvatar(name: string) {
  const doctor = callerFor(org.actors.doctor);
  const avatar = await doctor.avatar.create(testAvatarProfile(name));
  await doctor.knowledge.paste({ avatarId: avatar.id, title: "Notes", text: "# Salt\nEat less than five grams of salt a day." });
  await drainIngestionQueue(database.db, createOfflineEmbedder());
  return avatar;
}

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrg(database, ["admin", "doctor", "reviewer", "on_call"]);
  other = await createTestOrg(database, ["admin", "reviewer"]);
});

afterAll(async () => {
  await database.close();
});

describe("audit log", () => {
  it("records every member mutation with who, what and which record, without secrets", async () => {
    await callerFor(org.actors.admin).org.updateCrisisSettings({
      webhookUrl: "https://hooks.example.org/crisis",
      webhookSecret: "s3cret-value-that-must-not-leak",
      notifyEmail: "",
      responseTargetMinutes: 10,
      extraHotlines: [],
    });
    const avatar = await callerFor(org.actors.doctor).avatar.create(testAvatarProfile("Dr. Audit"));
    await callerFor(org.actors.doctor).avatar.update({ avatarId: avatar.id, profile: testAvatarProfile("Dr. Audited") });

    const rows = await listAudit(database.db, org.actors.admin, { limit: 50 });
    const settings = rows.find((r) => r.action === "org.updateCrisisSettings")!;
    expect(settings.actorLabel).toMatch(/^admin-.*@test\.local$/);
    expect(JSON.stringify(settings.details)).not.toContain("s3cret");
    expect(settings.details).toMatchObject({ webhookSecret: "(redacted)", webhookUrl: "https://hooks.example.org/crisis" });
    const update = rows.find((r) => r.action === "avatar.update")!;
    expect(update).toMatchObject({ targetType: "avatar", targetId: avatar.id, actorId: org.actors.doctor.userId });
    // Queries are not changes.
    expect(rows.some((r) => r.action === "avatar.list")).toBe(false);
  });

  it("is append-only: the database refuses to update or delete a row", async () => {
    const causeOf = (p: Promise<unknown>) => p.then(() => "no error", (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message));
    expect(await causeOf(database.db.execute(sql`update audit_log set action = 'tampered'`))).toMatch(/append-only \(UPDATE refused\)/);
    expect(await causeOf(database.db.execute(sql`delete from audit_log`))).toMatch(/append-only \(DELETE refused\)/);
    const [{ n }] = (await database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, "tampered"))) as [{ n: number }];
    expect(n).toBe(0);
  });

  it("filters by action prefix and actor, and only admins of the organization read it", async () => {
    const byAction = await listAudit(database.db, org.actors.admin, { action: "avatar.", limit: 50 });
    expect(byAction.length).toBeGreaterThan(0);
    expect(byAction.every((r) => r.action.startsWith("avatar."))).toBe(true);
    const byActor = await listAudit(database.db, org.actors.admin, { actor: "doctor-", limit: 50 });
    expect(byActor.every((r) => r.actorLabel.startsWith("doctor-"))).toBe(true);
    expect(await listAudit(database.db, other.actors.admin, { limit: 50 })).toHaveLength(0);
    expect(await codeOf(callerFor(org.actors.doctor).governance.audit({ limit: 10 }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(org.actors.reviewer).governance.audit({ limit: 10 }))).toBe("FORBIDDEN");
  });

  it("exports CSV that a spreadsheet cannot turn into a formula", () => {
    const csv = auditToCsv([
      { id: "1", orgId: "o", actorId: null, actorLabel: "=HYPERLINK(\"x\")", action: "a,b", targetType: null, targetId: null, details: { note: 'say "hi"' }, createdAt: new Date("2026-01-02T03:04:05Z") },
    ]);
    const [header, line] = csv.trim().split("\r\n");
    expect(header).toBe("time,actor,actor_id,action,target_type,target_id,details");
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain(`"a,b"`);
    expect(line).toContain(`"{""note"":""say \\""hi\\""""}"`);
  });
});

describe("publish approval", () => {
  it("routes publishing through a reviewer when the organization requires it", async () => {
    const avatar = await readyAvatar("Dr. Reviewed");
    const admin = callerFor(org.actors.admin);
    const doctor = callerFor(org.actors.doctor);
    const reviewer = callerFor(org.actors.reviewer);
    await admin.governance.updateSettings({ requirePublishApproval: true, conversationRetentionDays: null });

    expect(await codeOf(doctor.avatar.publish({ avatarId: avatar.id }))).toBe("FORBIDDEN");
    const request = await doctor.governance.requestPublish({ avatarId: avatar.id, note: "First version, please check the salt advice." });
    expect(await codeOf(doctor.governance.requestPublish({ avatarId: avatar.id, note: "" }))).toBe("CONFLICT");
    // Doctors cannot approve; reviewers of another organization cannot even see the request.
    expect(await codeOf(doctor.governance.decide({ requestId: request.id, decision: "approve", comment: "" }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(other.actors.reviewer).governance.decide({ requestId: request.id, decision: "approve", comment: "" }))).toBe("NOT_FOUND");
    expect(await codeOf(reviewer.governance.decide({ requestId: request.id, decision: "reject", comment: "" }))).toBe("BAD_REQUEST");

    const pending = await reviewer.governance.publishRequests({ status: "pending" });
    expect(pending.map((r) => r.id)).toContain(request.id);
    const approved = await reviewer.governance.decide({ requestId: request.id, decision: "approve", comment: "Looks right." });
    expect(approved.status).toBe("approved");
    const [row] = await database.db.select().from(avatars).where(eq(avatars.id, avatar.id));
    expect(row!.publishedVersionId).toBe(approved.versionId);
    expect(await codeOf(reviewer.governance.decide({ requestId: request.id, decision: "reject", comment: "late" }))).toBe("CONFLICT");

    await admin.governance.updateSettings({ requirePublishApproval: false, conversationRetentionDays: null });
  });

  it("publishes exactly the draft the reviewer saw, photo included, not what was edited after the request", async () => {
    const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
    const avatar = await readyAvatar("Dr. Snapshot");
    const admin = callerFor(org.actors.admin);
    const doctor = callerFor(org.actors.doctor);
    const reviewer = callerFor(org.actors.reviewer);
    await admin.governance.updateSettings({ requirePublishApproval: true, conversationRetentionDays: null });
    await setAvatarPhoto(database.db, org.actors.doctor, avatar.id, PNG);
    const request = await doctor.governance.requestPublish({ avatarId: avatar.id, note: "" });

    // Edited after asking: a new name, a new photo, a hand-written answer.
    await doctor.avatar.update({ avatarId: avatar.id, profile: testAvatarProfile("Dr. Unreviewed") });
    await setAvatarPhoto(database.db, org.actors.doctor, avatar.id, JPEG);
    await addCuratedAnswer(database.db, createOfflineEmbedder(), { orgId: org.orgId, avatarId: avatar.id, question: "Can I drink coffee?", answer: "Unreviewed advice about coffee." });

    // The reviewer sees the draft as asked, not as edited.
    const seen = await reviewer.version.diff({ avatarId: avatar.id, requestId: request.id });
    expect(JSON.stringify(seen.diff)).toContain("Dr. Snapshot");
    expect(JSON.stringify(seen.diff)).not.toContain("Dr. Unreviewed");

    const approved = await reviewer.governance.decide({ requestId: request.id, decision: "approve", comment: "" });
    const [version] = await database.db.select().from(avatarVersions).where(eq(avatarVersions.id, approved.versionId!));
    expect(version!.snapshot.name).toBe("Dr. Snapshot");
    const published = await getPublishedAvatarBySlug(database.db, avatar.slug);
    expect(published.snapshot.name).toBe("Dr. Snapshot");
    expect((await getPublicAvatarPhoto(database.db, avatar.slug))?.mime).toBe("image/png");
    // The answer written after the request waits for the next review.
    const coffee = (curatedAsOf: Date) => findCuratedAnswer(database.db, { avatarId: avatar.id, query: "Can I drink coffee?", embedder: createOfflineEmbedder(), curatedAsOf, documentIds: [] });
    expect(await coffee(version!.createdAt)).not.toBeNull();
    expect(published.knowledge.publishedAt).toEqual(request.createdAt);
    expect(await coffee(published.knowledge.publishedAt)).toBeNull();

    await admin.governance.updateSettings({ requirePublishApproval: false, conversationRetentionDays: null });
  });

  it("refuses an approval when a reviewed document changed since the request", async () => {
    const avatar = await readyAvatar("Dr. Changed");
    const admin = callerFor(org.actors.admin);
    await admin.governance.updateSettings({ requirePublishApproval: true, conversationRetentionDays: null });
    const request = await callerFor(org.actors.doctor).governance.requestPublish({ avatarId: avatar.id, note: "" });
    await database.db.execute(sql`update documents set content_hash = 'changed' where avatar_id = ${avatar.id}`);
    expect(await codeOf(callerFor(org.actors.reviewer).governance.decide({ requestId: request.id, decision: "approve", comment: "" }))).toBe("CONFLICT");
    const [row] = await database.db.select().from(avatars).where(eq(avatars.id, avatar.id));
    expect(row!.publishedVersionId).toBeNull();
    await admin.governance.updateSettings({ requirePublishApproval: false, conversationRetentionDays: null });
  });

  it("keeps a knowledge-gap answer from reaching patients live where publishing needs a review", async () => {
    const avatar = await readyAvatar("Dr. Gap");
    const admin = callerFor(org.actors.admin);
    const doctor = callerFor(org.actors.doctor);
    const answer = (apply: "live" | "next_version") => doctor.gaps.answer({ avatarId: avatar.id, messageIds: ["no-such-message"], question: "Coffee?", answer: "A cup a day is fine.", apply });
    await admin.governance.updateSettings({ requirePublishApproval: true, conversationRetentionDays: null });
    expect(await codeOf(answer("live"))).toBe("FORBIDDEN");
    expect((await doctor.gaps.list({ avatarId: avatar.id })).reviewRequired).toBe(true);
    // With the next version it goes on (to the check of the questions named).
    expect(await codeOf(answer("next_version"))).toBe("NOT_FOUND");
    await admin.governance.updateSettings({ requirePublishApproval: false, conversationRetentionDays: null });
    expect(await codeOf(answer("live"))).toBe("NOT_FOUND");
  });

  it("refuses a self-review and lets the requester withdraw", async () => {
    const avatar = await readyAvatar("Dr. Self");
    const admin = callerFor(org.actors.admin);
    const request = await admin.governance.requestPublish({ avatarId: avatar.id, note: "" });
    expect(await codeOf(admin.governance.decide({ requestId: request.id, decision: "approve", comment: "" }))).toBe("FORBIDDEN");
    const withdrawn = await admin.governance.withdraw({ requestId: request.id });
    expect(withdrawn.status).toBe("withdrawn");
  });
});

describe("retention", () => {
  it("deletes conversations past the period, keeps recent ones and open crises, and logs the purge", async () => {
    const avatar = await callerFor(org.actors.doctor).avatar.create(testAvatarProfile("Dr. Retention"));
    const now = new Date("2026-06-01T00:00:00Z");
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const insertConversation = async (lastMessageAt: Date) => {
      const [c] = await database.db
        .insert(conversations)
        .values({ orgId: org.orgId, avatarId: avatar.id, sessionHash: crypto.randomUUID(), locale: "en", lastMessageAt })
        .returning();
      const [m] = await database.db.insert(messages).values({ orgId: org.orgId, conversationId: c!.id, role: "patient", kind: "question", content: "hello" }).returning();
      return { id: c!.id, messageId: m!.id };
    };
    const old = await insertConversation(daysAgo(40));
    const recent = await insertConversation(daysAgo(5));
    const crisis = await insertConversation(daysAgo(40));
    await database.db
      .insert(escalations)
      .values({ orgId: org.orgId, avatarId: avatar.id, conversationId: crisis.id, messageId: crisis.messageId, patientMessage: "hello", category: "suicide", level: "imminent", evidence: [] });
    const handled = await insertConversation(daysAgo(40));
    const evidence = [{ phrase: "hello", rule: "r", category: "suicide", level: "imminent" }];
    const [handledEscalation] = await database.db
      .insert(escalations)
      .values({ orgId: org.orgId, avatarId: avatar.id, conversationId: handled.id, messageId: handled.messageId, patientMessage: "hello", category: "suicide", level: "imminent", evidence, status: "resolved" })
      .returning();

    expect(await purgeExpiredConversations(database.db, now)).toEqual([]);
    await callerFor(org.actors.admin).governance.updateSettings({ requirePublishApproval: false, conversationRetentionDays: 30 });
    const purged = await purgeExpiredConversations(database.db, now);
    expect(purged).toEqual([{ orgId: org.orgId, deleted: 2 }]);

    const left = await database.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.avatarId, avatar.id));
    expect(left.map((c) => c.id).sort()).toEqual([recent.id, crisis.id].sort());
    expect(await database.db.select().from(messages).where(eq(messages.conversationId, old.id))).toHaveLength(0);
    // The resolved crisis keeps its record, without the patient's words; the open one keeps everything.
    const byId = new Map((await database.db.select().from(escalations).where(eq(escalations.avatarId, avatar.id))).map((e) => [e.id, e]));
    expect(byId.get(handledEscalation!.id)).toMatchObject({ status: "resolved", conversationId: null, patientMessage: null, evidence: [] });
    expect([...byId.values()].find((e) => e.conversationId === crisis.id)).toMatchObject({ status: "open", patientMessage: "hello" });
    const [log] = await listAudit(database.db, org.actors.admin, { action: "retention.purge", limit: 5 });
    expect(log).toMatchObject({ actorLabel: "system", details: { deleted: 2, retentionDays: 30 } });
  });

  it("validates the retention period", async () => {
    expect(await codeOf(callerFor(org.actors.admin).governance.updateSettings({ requirePublishApproval: false, conversationRetentionDays: 0 }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(org.actors.doctor).governance.updateSettings({ requirePublishApproval: false, conversationRetentionDays: 30 }))).toBe("FORBIDDEN");
  });
});

describe("audit paging", () => {
  it("pages through entries written in the same millisecond without losing or repeating one", async () => {
    const fresh = await createTestOrg(database, ["admin"]);
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < 7; i++) await tx.insert(auditLog).values({ orgId: fresh.orgId, actorId: null, actorLabel: "system", action: `bulk.${i}` });
    });
    const seen: string[] = [];
    let cursor: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await listAudit(database.db, fresh.actors.admin, { limit: 3, cursor });
      seen.push(...page.map((r) => r.action));
      if (page.length < 3) break;
      cursor = { createdAt: page[2]!.createdAt, id: page[2]!.id };
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });
});

describe("answer provenance", () => {
  it("records which version, passages and model produced each answer, and the escalation a crisis raised, with the turn", async () => {
    const slug = await publishedSaltAvatar(database.db, org.actors.doctor, "Dr. Provenance");
    const target = await publishedTestTarget(database.db, slug);
    const embedder = createOfflineEmbedder();

    const answered = await askOffline(database.db, embedder, target, "How much salt a day?");
    const [generated] = await listAudit(database.db, org.actors.admin, { action: "answer.generated", targetId: answered.messageId, limit: 5 });
    const [cited] = await database.db.select({ citations: messages.citations }).from(messages).where(eq(messages.id, answered.messageId));
    expect(cited!.citations.length).toBeGreaterThan(0);
    expect(generated).toMatchObject({
      actorLabel: "patient",
      details: { versionId: target.versionId, model: "offline-composer", passages: cited!.citations.map((c) => c.passageId), kind: "answer", conversationId: answered.conversationId },
    });

    const crisis = await askOffline(database.db, embedder, target, "I want to kill myself tonight");
    expect(crisis.kind).toBe("crisis");
    const [escalation] = await database.db.select({ id: escalations.id }).from(escalations).where(eq(escalations.conversationId, crisis.conversationId));
    const [raised] = await listAudit(database.db, org.actors.admin, { action: "escalation.created", targetId: escalation!.id, limit: 5 });
    expect(raised).toMatchObject({ actorLabel: "system", details: { category: "suicide", conversationId: crisis.conversationId } });
    expect(await listAudit(database.db, org.actors.admin, { action: "answer.generated", targetId: crisis.messageId, limit: 5 })).toMatchObject([
      { details: { kind: "crisis", model: "vetted-crisis-reply", passages: [] } },
    ]);

    // A simulation run is a test, not an answer to a patient.
    const simulated = await askOffline(database.db, embedder, { ...target, simulation: true }, "How much salt a day?");
    expect(await listAudit(database.db, org.actors.admin, { action: "answer.generated", targetId: simulated.messageId, limit: 5 })).toHaveLength(0);
  });
});

describe("rollback under approval", () => {
  it("refuses a direct rollback where publishing needs a review", async () => {
    const admin = callerFor(org.actors.admin);
    const avatar = await readyAvatar("Dr. Rollback");
    const version = await callerFor(org.actors.doctor).avatar.publish({ avatarId: avatar.id });
    await admin.governance.updateSettings({ requirePublishApproval: true, conversationRetentionDays: null });
    expect(await codeOf(callerFor(org.actors.doctor).version.rollback({ avatarId: avatar.id, versionId: version.id }))).toBe("FORBIDDEN");
    await admin.governance.updateSettings({ requirePublishApproval: false, conversationRetentionDays: null });
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { avatarVersions } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { codeOf, testCaller } from "@/server/test/trpc";
import { createOfflineEmbedder } from "./embed/offline";
import { uploadFiles } from "./upload.service";

const embedder = createOfflineEmbedder();
const limits = { maxBytes: 1 << 20 };
const SALT_QUESTION = "How much salt can I eat a day?";

let database: Database;
let org: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor" | "reviewer">>>;
let otherDoctor: Principal<"staff">;
let avatarId = "";
let saltDoc = "";
let sleepDoc = "";
let otherOrgDoc = "";

const as = (actor: Principal<"staff">) => testCaller(database.db, actor);

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrg(database, ["admin", "doctor", "reviewer"]);
  otherDoctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  const doctor = as(org.actors.doctor);
  avatarId = (await doctor.avatar.create(testAvatarProfile("Dr. Recall"))).id;
  saltDoc = (await doctor.knowledge.paste({ avatarId, title: "Salt", text: "# Salt\n\nWith high blood pressure, eat less than five grams of salt a day." })).document.id;
  sleepDoc = (await doctor.knowledge.paste({ avatarId, title: "Sleep", text: "# Sleep\n\nAdults need seven to nine hours of sleep every night." })).document.id;
  const faq = new File(["question,answer\nCan I drink coffee?,One or two cups of coffee a day are fine.\nShould I stop smoking?,Yes: smoking doubles your risk of a heart attack.\n"], "faq.csv");
  await uploadFiles(database.db, org.actors.doctor, { avatarId, files: [faq] }, limits);
  const otherAvatar = await as(otherDoctor).avatar.create(testAvatarProfile("Dr. Elsewhere"));
  otherOrgDoc = (await as(otherDoctor).knowledge.paste({ avatarId: otherAvatar.id, title: "Salt", text: "# Salt\n\nSalt." })).document.id;
  await drainIngestionQueue(database.db, embedder);
});

afterAll(async () => {
  await database?.close();
});

describe("test questions", () => {
  it("are seeded from the avatar's FAQ sheets once, and added by the doctor with the document (and phrase) that should answer", async () => {
    const doctor = as(org.actors.doctor);
    expect(await doctor.knowledge.seedTestQuestions({ avatarId })).toEqual({ added: 2 });
    expect(await doctor.knowledge.seedTestQuestions({ avatarId })).toEqual({ added: 0 });
    await doctor.knowledge.addTestQuestion({ avatarId, question: SALT_QUESTION, expectedDocumentId: saltDoc, expectedText: "five  grams" });
    await doctor.knowledge.addTestQuestion({ avatarId, question: "How long should I sleep?", expectedDocumentId: sleepDoc });

    expect(await codeOf(doctor.knowledge.addTestQuestion({ avatarId, question: SALT_QUESTION.toUpperCase(), expectedDocumentId: saltDoc }))).toBe("CONFLICT");
    expect(await codeOf(doctor.knowledge.addTestQuestion({ avatarId, question: "Whose salt?", expectedDocumentId: otherOrgDoc }))).toBe("NOT_FOUND");
    expect(await codeOf(doctor.knowledge.addTestQuestion({ avatarId, question: "?", expectedDocumentId: saltDoc }))).toBe("BAD_REQUEST");
    expect(await codeOf(as(org.actors.reviewer).knowledge.addTestQuestion({ avatarId, question: "Reviewer's?", expectedDocumentId: saltDoc }))).toBe("FORBIDDEN");
    expect(await codeOf(as(otherDoctor).knowledge.testQuestions({ avatarId }))).toBe("NOT_FOUND");

    const listed = await as(org.actors.reviewer).knowledge.testQuestions({ avatarId });
    expect(listed.questions.map((q) => [q.question, q.source, q.passed])).toEqual([
      ["Can I drink coffee?", "faq", null],
      ["Should I stop smoking?", "faq", null],
      [SALT_QUESTION, "doctor", null],
      ["How long should I sleep?", "doctor", null],
    ]);
    expect(listed.canEdit).toBe(false);
    expect(listed.summary).toMatchObject({ total: 4, run: 0, recall: null });
  });

  it("run on demand: recall, and each question's top results with what should answer it marked", async () => {
    const run = await as(org.actors.doctor).knowledge.runTestQuestions({ avatarId });
    expect(run).toMatchObject({ total: 4, passed: 4, recall: 1, failing: [], regressions: [] });
    const { questions, summary } = await as(org.actors.doctor).knowledge.testQuestions({ avatarId });
    expect(summary).toMatchObject({ total: 4, run: 4, passed: 4, recall: 1, regressions: 0 });
    const salt = questions.find((q) => q.question === SALT_QUESTION)!;
    expect(salt).toMatchObject({ passed: true, rank: 1, regressed: false });
    expect(salt.hits[0]).toMatchObject({ documentId: saltDoc, documentTitle: "Salt", expected: true });
    expect(salt.hits.length).toBeLessThanOrEqual(5);
    expect(await codeOf(as(org.actors.reviewer).knowledge.runTestQuestions({ avatarId }))).toBe("FORBIDDEN");
  });

  it("say which question a knowledge change made fail that passed before", async () => {
    const [replaced] = await uploadFiles(
      database.db,
      org.actors.doctor,
      { avatarId, files: [new File(["# Salt\n\nSalt is sodium chloride, mined or taken from the sea."], "salt.md")], replaceDocumentId: saltDoc },
      limits,
    );
    expect(replaced).toMatchObject({ ok: true });
    await drainIngestionQueue(database.db, embedder);
    const run = await as(org.actors.doctor).knowledge.runTestQuestions({ avatarId });
    expect(run).toMatchObject({ total: 4, passed: 3, recall: 0.75 });
    expect(run.regressions.map((q) => q.question)).toEqual([SALT_QUESTION]);
    const salt = (await as(org.actors.doctor).knowledge.testQuestions({ avatarId })).questions.find((q) => q.question === SALT_QUESTION)!;
    expect(salt).toMatchObject({ passed: false, rank: null, regressed: true });
    expect(salt.hits.every((h) => !h.expected)).toBe(true);
  });
});

describe("publishing with test questions", () => {
  it("runs them before every publish and reports what regressed; where the organization requires it, a failing one blocks the publish, naming it", async () => {
    const doctor = as(org.actors.doctor);
    const published = await doctor.avatar.publish({ avatarId });
    expect(published.testRun).toMatchObject({ total: 4, passed: 3, failing: [{ question: SALT_QUESTION }] });

    await as(org.actors.admin).governance.updateSettings({ requirePublishApproval: false, requireTestQuestions: true, conversationRetentionDays: null });
    expect(await doctor.governance.publishRule()).toEqual({ requirePublishApproval: false, requireTestQuestions: true });
    const before = await database.db.select().from(avatarVersions).where(eq(avatarVersions.avatarId, avatarId));
    await expect(doctor.avatar.publish({ avatarId })).rejects.toThrow(/requires every test question.*1 of 4 do not: “How much salt can I eat a day\?”/);
    expect(await database.db.select().from(avatarVersions).where(eq(avatarVersions.avatarId, avatarId))).toHaveLength(before.length);

    // The doctor fixes the question (the passage now says something else); the publish goes through.
    const salt = (await doctor.knowledge.testQuestions({ avatarId })).questions.find((q) => q.question === SALT_QUESTION)!;
    await doctor.knowledge.removeTestQuestion({ avatarId, testQuestionId: salt.id });
    await doctor.knowledge.addTestQuestion({ avatarId, question: "What is salt?", expectedDocumentId: saltDoc, expectedText: "sodium chloride" });
    expect((await doctor.avatar.publish({ avatarId })).testRun).toMatchObject({ total: 4, passed: 4 });
  });

  it("checks a reviewed request against the passages the reviewer saw", async () => {
    await as(org.actors.admin).governance.updateSettings({ requirePublishApproval: true, requireTestQuestions: true, conversationRetentionDays: null });
    const request = await as(org.actors.doctor).governance.requestPublish({ avatarId, note: "" });
    // Disabling the answering document after the request does not change what was reviewed.
    await as(org.actors.doctor).knowledge.setEnabled({ documentId: sleepDoc, enabled: false });
    const decided = await as(org.actors.reviewer).governance.decide({ requestId: request.id, decision: "approve", comment: "" });
    expect(decided.status).toBe("approved");
    // The draft itself now fails the sleep question.
    expect((await as(org.actors.doctor).knowledge.runTestQuestions({ avatarId })).failing.map((q) => q.question)).toEqual(["How long should I sleep?"]);
  });
});

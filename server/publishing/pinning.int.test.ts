import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { avatarVersions, curatedAnswers, documents, governanceSettings, passages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { findCuratedAnswer } from "@/server/knowledge/retrieve/curated";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { listCorpora } from "@/server/knowledge/corpus.service";
import { pasteDocument } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { uploadFiles } from "@/server/knowledge/upload.service";
import { askOffline, previewTestTarget, publishedTestTarget } from "@/server/test/chat";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { decidePublishRequest, publishAvatar, requestPublish } from "./publishing.service";

const embedder = createOfflineEmbedder();
const limits = { maxBytes: 1 << 20 };
const md = (name: string, text: string) => new File([text], name);

let database: Database;
let admin: Principal<"staff">;
let doctor: Principal<"staff">;
let reviewer: Principal<"staff">;
let avatarId = "";
let slug = "";
let saltDoc = "";
let faqDoc = "";
let orgCorpus = "";

const SALT = "How much salt can I eat a day?";
const HOURS = "When is the clinic open?";
const BOOKING = "How do I book an appointment?";

const patient = (q: string) => publishedTestTarget(database.db, slug).then((t) => askOffline(database.db, embedder, t, q));
const preview = (q: string) => previewTestTarget(database.db, doctor, avatarId).then((t) => askOffline(database.db, embedder, t, q));
const patientFaq = async (q: string) => {
  const t = await publishedTestTarget(database.db, slug);
  return findCuratedAnswer(database.db, { avatarId, query: q, embedder, documentIds: t.knowledge!.documentIds!, pins: t.knowledge!.pins!, curatedAsOf: t.knowledge!.publishedAt });
};
const generationsOf = async (documentId: string) =>
  new Set((await database.db.select({ g: passages.generation }).from(passages).where(eq(passages.documentId, documentId))).map((r) => r.g));

async function replace(documentId: string, owner: { avatarId?: string; corpusId?: string }, actor: Principal<"staff">, file: File) {
  const [result] = await uploadFiles(database.db, actor, { ...owner, files: [file], replaceDocumentId: documentId }, limits);
  expect(result).toMatchObject({ ok: true, documentId });
  await drainIngestionQueue(database.db, embedder);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const org = await createTestOrg(database, ["admin", "doctor", "reviewer"]);
  ({ admin, doctor, reviewer } = org.actors);
  const avatar = await createAvatar(database.db, doctor, testAvatarProfile("Dr. Pinned", { specialty: "Cardiology" }));
  avatarId = avatar.id;
  slug = avatar.slug;
  saltDoc = (await pasteDocument(database.db, doctor, { avatarId, title: "Salt", text: "# Salt\n\nEat less than six grams of salt a day." }, limits)).document.id;
  const [faq] = await uploadFiles(database.db, doctor, { avatarId, files: [md("booking.csv", `question,answer\n${BOOKING},Call the clinic on 010-1111.\n`)] }, limits);
  faqDoc = (faq as { documentId: string }).documentId;
  orgCorpus = (await listCorpora(database.db, admin)).find((c) => c.kind === "organization")!.id;
  await pasteDocument(database.db, admin, { corpusId: orgCorpus, title: "Clinic schedule", text: "# Clinic hours\n\nThe clinic is open Monday to Friday, 8:00 to 17:00." }, limits);
  await drainIngestionQueue(database.db, embedder);
  await publishAvatar(database.db, doctor, avatarId);
});

afterAll(async () => {
  await database?.close();
});

describe("a published version's passages are pinned", () => {
  it("keeps serving patients a replaced document's reviewed passages and FAQ answers until the next publish, which lets the old ones go", async () => {
    const [v1] = await database.db.select().from(avatarVersions).where(eq(avatarVersions.avatarId, avatarId));
    expect(v1!.pins!.map((p) => p.documentId).sort()).toEqual(expect.arrayContaining([saltDoc, faqDoc]));
    const before = await generationsOf(saltDoc);

    await replace(saltDoc, { avatarId }, doctor, md("salt.md", "# Salt\n\nEat less than five grams of salt a day."));
    await replace(faqDoc, { avatarId }, doctor, md("booking.csv", `question,answer\n${BOOKING},Book online at https://book.example.\n`));
    // The draft has the new content; patients still the reviewed one.
    expect((await preview(SALT)).text).toContain("five grams");
    expect((await patient(SALT)).text).toContain("six grams");
    expect((await patient(SALT)).text).not.toContain("five grams");
    expect((await patientFaq(BOOKING))?.answer).toBe("Call the clinic on 010-1111.");
    expect(await generationsOf(saltDoc)).toEqual(new Set([...before, (await database.db.select().from(documents).where(eq(documents.id, saltDoc)))[0]!.passageGeneration]));

    await publishAvatar(database.db, doctor, avatarId);
    expect((await patient(SALT)).text).toContain("five grams");
    expect((await patientFaq(BOOKING))?.answer).toBe("Book online at https://book.example.");
    // Nothing pins the old generation any more: only the live one is left, passages and FAQ entries alike.
    const [salt] = await database.db.select().from(documents).where(eq(documents.id, saltDoc));
    expect(await generationsOf(saltDoc)).toEqual(new Set([salt!.passageGeneration]));
    const [faqNow] = await database.db.select().from(documents).where(eq(documents.id, faqDoc));
    const entries = await database.db.select({ g: curatedAnswers.generation }).from(curatedAnswers).where(eq(curatedAnswers.documentId, faqDoc));
    expect(entries).toEqual([{ g: faqNow!.passageGeneration }]);
  });

  it("drops an unpublished draft generation at once when the document is replaced again (nothing pins it)", async () => {
    const published = await generationsOf(saltDoc);
    await replace(saltDoc, { avatarId }, doctor, md("salt.md", "# Salt\n\nEat less than four grams of salt a day."));
    await replace(saltDoc, { avatarId }, doctor, md("salt.md", "# Salt\n\nEat less than three grams of salt a day."));
    const [salt] = await database.db.select().from(documents).where(eq(documents.id, saltDoc));
    expect(await generationsOf(saltDoc)).toEqual(new Set([...published, salt!.passageGeneration]));
    expect((await patient(SALT)).text).toContain("five grams");
  });
});

describe("a shared corpus change", () => {
  it("reaches a published avatar only through its next publish", async () => {
    await pasteDocument(database.db, admin, { corpusId: orgCorpus, title: "Parking", text: "# Parking\n\nVisitors park in garage B, the first hour free." }, limits);
    await drainIngestionQueue(database.db, embedder);
    expect((await preview("Where can visitors park?")).text).toContain("garage B");
    expect((await patient("Where can visitors park?")).text).not.toContain("garage B");

    const [schedule] = await database.db.select().from(documents).where(and(eq(documents.corpusId, orgCorpus), eq(documents.title, "Clinic schedule")));
    await replace(schedule!.id, { corpusId: orgCorpus }, admin, md("schedule.md", "# Clinic hours\n\nThe clinic is open every day, 7:00 to 22:00."));
    expect((await preview(HOURS)).text).toContain("every day");
    expect((await patient(HOURS)).text).toContain("Monday to Friday");

    await publishAvatar(database.db, doctor, avatarId);
    expect((await patient(HOURS)).text).toContain("every day");
    expect((await patient("Where can visitors park?")).text).toContain("garage B");
  });

  it("where publishing needs a review, reaches patients as the reviewer's draft had it, even if it changed during the review", async () => {
    const [org] = [doctor.orgId];
    await database.db.insert(governanceSettings).values({ orgId: org, requirePublishApproval: true });
    const [schedule] = await database.db.select().from(documents).where(and(eq(documents.corpusId, orgCorpus), eq(documents.title, "Clinic schedule")));
    await replace(schedule!.id, { corpusId: orgCorpus }, admin, md("schedule.md", "# Clinic hours\n\nThe clinic is open on weekdays, 9:00 to 16:00."));
    // An admin's corpus change is no way around the review either.
    await expect(publishAvatar(database.db, admin, avatarId)).rejects.toMatchObject({ code: "forbidden" });
    const request = await requestPublish(database.db, doctor, { avatarId, note: "New hours" });
    await replace(schedule!.id, { corpusId: orgCorpus }, admin, md("schedule.md", "# Clinic hours\n\nThe clinic is closed for renovation."));
    expect((await patient(HOURS)).text).toContain("every day");

    await decidePublishRequest(database.db, reviewer, { requestId: request.id, decision: "approve", comment: "" });
    expect((await patient(HOURS)).text).toContain("weekdays");
    expect((await preview(HOURS)).text).toContain("renovation");
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { avatars, departments, organizations } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { toCitations } from "@/server/chat/answer-parts";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { findCuratedAnswer } from "@/server/knowledge/retrieve/curated";
import { retrievePassages } from "@/server/knowledge/retrieve/retrieve";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { getCorpusOrThrow, includedCorpusIds, listAvatarCorpora, listCorpora, setAvatarCorpus } from "./corpus.service";
import { documentProvenance, listCorpusDocuments, pasteDocument, setDocumentEnabled } from "./document.service";
import { uploadFiles } from "./upload.service";

const embedder = createOfflineEmbedder();
const limits = { maxBytes: 1 << 20 };

const SCHEDULE = "# Clinic schedule\n\nThe outpatient clinic is open Monday to Friday, 8:00 to 17:00. Book an appointment at https://book.example/a or call 010-1234.";
const SCHEDULE_B = "# Clinic schedule\n\nThe clinic of the other hospital is open on Saturday and Sunday. Book an appointment at https://other.example.";
const GUIDELINE = "# Beta blockers\n\nAfter a myocardial infarction, beta blockers are started early unless contraindicated.";

let database: Database;
let admin: Principal<"staff">;
let doctor: Principal<"staff">;
let adminB: Principal<"staff">;
let orgName: string;
let cardioAvatar: string;
let plainAvatar: string;
let orgCorpus: string;
let cardioCorpus: string;
let scheduleDoc: string;

const ask = (avatarId: string, query: string) => retrievePassages(database.db, { avatarId, query, embedder });

beforeAll(async () => {
  database = await createTestDatabase();
  const a = await createTestOrg(database, ["admin", "doctor", "reviewer"]);
  ({ admin, doctor } = a.actors);
  adminB = (await createTestOrg(database, ["admin"])).actors.admin;
  orgName = (await database.db.select().from(organizations).where(eq(organizations.id, a.orgId)))[0]!.name;
  const [cardio] = await database.db.insert(departments).values({ orgId: a.orgId, name: "Cardiology 心内科", slug: "cardio" }).returning();
  await database.db.insert(departments).values({ orgId: a.orgId, name: "Dermatology", slug: "derma" });
  cardioAvatar = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Heart"))).id;
  plainAvatar = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Plain"))).id;
  await database.db.update(avatars).set({ departmentId: cardio!.id }).where(eq(avatars.id, cardioAvatar));
  await pasteDocument(database.db, doctor, { avatarId: cardioAvatar, title: "Own notes", text: "# Salt\n\nEat less than five grams of salt a day." }, limits);

  const corpora = await listCorpora(database.db, admin);
  orgCorpus = corpora.find((c) => c.kind === "organization")!.id;
  cardioCorpus = corpora.find((c) => c.departmentId === cardio!.id)!.id;
  scheduleDoc = (await pasteDocument(database.db, admin, { corpusId: orgCorpus, title: "Clinic schedule", text: SCHEDULE }, limits)).document.id;
  await pasteDocument(database.db, admin, { corpusId: cardioCorpus, title: "Cardiology guideline", text: GUIDELINE }, limits);
  const faq = new File(["question,answer\nHow do I book an appointment?,Book at https://book.example/a or call 010-1234.\n"], "booking.csv");
  await uploadFiles(database.db, admin, { corpusId: orgCorpus, files: [faq] }, limits);
  // Another organization's shared schedule, which no avatar of org A may ever see.
  const corpusB = (await listCorpora(database.db, adminB)).find((c) => c.kind === "organization")!.id;
  await pasteDocument(database.db, adminB, { corpusId: corpusB, title: "Clinic schedule", text: SCHEDULE_B }, limits);
  await drainIngestionQueue(database.db, embedder);
});

afterAll(async () => {
  await database?.close();
});

describe("shared corpora", () => {
  it("gives the organization one corpus and each department one, its own first", async () => {
    const corpora = await listCorpora(database.db, doctor);
    expect(corpora.map((c) => c.kind)).toEqual(["organization", "department", "department"]);
    expect(corpora[0]).toMatchObject({ id: orgCorpus, name: orgName, documents: 2 });
    expect(corpora.map((c) => c.name)).toContain("Cardiology 心内科");
    expect((await listCorpusDocuments(database.db, doctor, orgCorpus)).map((d) => d.title).sort()).toEqual(["Clinic schedule", "booking"]);
  });

  it("lets only admins add documents, and never to another organization's corpus", async () => {
    await expect(pasteDocument(database.db, doctor, { corpusId: orgCorpus, title: "T", text: "Text." }, limits)).rejects.toMatchObject({ code: "forbidden" });
    await expect(pasteDocument(database.db, adminB, { corpusId: orgCorpus, title: "T", text: "Text." }, limits)).rejects.toMatchObject({ code: "not_found" });
    await expect(getCorpusOrThrow(database.db, adminB, orgCorpus, "read")).rejects.toMatchObject({ code: "not_found" });
    await expect(listCorpusDocuments(database.db, adminB, orgCorpus)).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers every avatar of the organization from its schedule, never from another organization's", async () => {
    for (const avatarId of [cardioAvatar, plainAvatar]) {
      const hits = await ask(avatarId, "When is the clinic open and how do I book an appointment?");
      expect(hits[0]?.content).toContain("Monday to Friday");
      expect(hits[0]?.corpusId).toBe(orgCorpus);
      expect(hits.some((h) => h.content.includes("Saturday"))).toBe(false);
    }
    // The avatar's own documents still answer alongside.
    expect((await ask(cardioAvatar, "how much salt a day"))[0]?.content).toContain("five grams");
  });

  it("gives a department's corpus to the avatars of that department only", async () => {
    expect((await ask(cardioAvatar, "beta blockers after myocardial infarction"))[0]?.content).toContain("beta blockers");
    expect((await ask(plainAvatar, "beta blockers after myocardial infarction")).some((h) => h.content.includes("beta blockers"))).toBe(false);
  });

  it("shows the doctor which corpora the avatar includes, and lets them switch one off and on", async () => {
    const listed = await listAvatarCorpora(database.db, doctor, cardioAvatar);
    expect(listed.map((c) => [c.kind, c.included, c.includedByDefault])).toEqual([
      ["organization", true, true],
      ["department", true, true],
    ]);
    await setAvatarCorpus(database.db, doctor, { avatarId: cardioAvatar, corpusId: cardioCorpus, included: false });
    expect(await includedCorpusIds(database.db, cardioAvatar)).toEqual([orgCorpus]);
    expect((await ask(cardioAvatar, "beta blockers after myocardial infarction")).some((h) => h.content.includes("beta blockers"))).toBe(false);
    await setAvatarCorpus(database.db, doctor, { avatarId: cardioAvatar, corpusId: cardioCorpus, included: true });
    expect((await ask(cardioAvatar, "beta blockers after myocardial infarction"))[0]?.content).toContain("beta blockers");
    // Another organization's corpus cannot be attached.
    const corpusB = (await listCorpora(database.db, adminB))[0]!.id;
    await expect(setAvatarCorpus(database.db, doctor, { avatarId: cardioAvatar, corpusId: corpusB, included: true })).rejects.toMatchObject({ code: "not_found" });
  });

  it("reaches every avatar at once when the shared document changes", async () => {
    await setDocumentEnabled(database.db, admin, scheduleDoc, false);
    for (const avatarId of [cardioAvatar, plainAvatar]) {
      expect((await ask(avatarId, "When is the clinic open?")).some((h) => h.content.includes("Monday to Friday"))).toBe(false);
    }
    await setDocumentEnabled(database.db, admin, scheduleDoc, true);
    for (const avatarId of [cardioAvatar, plainAvatar]) expect((await ask(avatarId, "When is the clinic open?"))[0]?.content).toContain("Monday to Friday");
  });

  it("cites shared passages as the hospital's and the department's", async () => {
    const hits = [...(await ask(plainAvatar, "When is the clinic open?")), ...(await ask(cardioAvatar, "beta blockers after myocardial infarction"))];
    const citations = toCitations(hits, await documentProvenance(database.db, hits.map((h) => h.documentId)));
    expect(citations.find((c) => c.excerpt.includes("Monday to Friday"))?.owner).toEqual({ kind: "organization", name: orgName });
    expect(citations.find((c) => c.excerpt.includes("beta blockers"))?.owner).toEqual({ kind: "department", name: "Cardiology 心内科" });
    const own = toCitations(await ask(cardioAvatar, "how much salt a day"), await documentProvenance(database.db, []));
    expect(own[0]?.owner).toBeUndefined();
  });

  it("gives a shared FAQ answer verbatim to the organization's avatars", async () => {
    const match = await findCuratedAnswer(database.db, { avatarId: plainAvatar, query: "How do I book an appointment?", embedder });
    expect(match).toMatchObject({ corpusId: orgCorpus, answer: "Book at https://book.example/a or call 010-1234." });
  });
});

import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { avatarVersions, documents, protocols } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import type { ChatTarget } from "@/server/chat/engine";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { protocolsForTarget } from "@/server/protocols/protocol.service";
import { askOffline, previewTestTarget, publishedTestTarget } from "@/server/test/chat";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { getAvatarOrThrow } from "./avatar.service";
import { codeOf, testCaller } from "@/server/test/trpc";

const embedder = createOfflineEmbedder();

let database: Database;
let org: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor" | "reviewer">>>;
let other: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor">>>;
let avatarId = "";
let slug = "";
const docs = { gout: "", heart: "" };

const callerFor = (actor: Principal<"staff">) => testCaller(database.db, actor);

const patientTarget = () => publishedTestTarget(database.db, slug);
const previewTarget = () => previewTestTarget(database.db, org.actors.doctor, avatarId);
const ask = (target: ChatTarget, message: string) => askOffline(database.db, embedder, target, message);

const SALT = "How much salt can I eat with high blood pressure?";

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrg(database, ["admin", "doctor", "reviewer"]);
  other = await createTestOrg(database, ["admin", "doctor"]);
  const doctor = callerFor(org.actors.doctor);
  const avatar = await doctor.avatar.create(testAvatarProfile("Dr. Before", { greeting: "Hello" }));
  avatarId = avatar.id;
  slug = avatar.slug;
  docs.gout = (await doctor.knowledge.paste({ avatarId, title: "Gout guideline", text: "# Gout\n\nAlcohol and purine-rich food can trigger gout attacks. Drink plenty of water, two litres a day." })).document.id;
  docs.heart = (await doctor.knowledge.paste({ avatarId, title: "Blood pressure notes", text: "# Salt\n\nWith high blood pressure, eat less than five grams of salt a day. Salt raises blood pressure.\n\n# 盐\n\n高血压患者每天吃盐不超过五克，盐会升高血压。" })).document.id;
  await drainIngestionQueue(database.db, embedder);
  await database.db.insert(protocols).values({ orgId: org.orgId, avatarId, title: "Headache", chiefComplaint: "headache", triggersEn: ["headache"], triggersZh: ["头痛"], closingAdvice: "Rest." });
});

afterAll(async () => {
  await database?.close();
});

describe("publishing", () => {
  it("freezes persona, protocols and the enabled documents (ids, titles, content hashes) into the version", async () => {
    const v1 = await callerFor(org.actors.doctor).avatar.publish({ avatarId });
    const [row] = await database.db.select().from(avatarVersions).where(eq(avatarVersions.id, v1.id));
    expect(row!.number).toBe(1);
    expect(row!.snapshot.name).toBe("Dr. Before");
    expect(row!.protocols!.map((p) => p.title)).toEqual(["Headache"]);
    const hashes = await database.db.select({ id: documents.id, title: documents.title, contentHash: documents.contentHash }).from(documents).where(eq(documents.avatarId, avatarId));
    expect([...row!.knowledge!].sort((a, b) => a.id.localeCompare(b.id))).toEqual(hashes.sort((a, b) => a.id.localeCompare(b.id)));
  });

  it("rejects any change to a published version at the database", async () => {
    const refusal = (e: unknown) => String((e as { cause?: unknown }).cause ?? e);
    const edits = [sql`update avatar_versions set snapshot = jsonb_set(snapshot, '{name}', '"Dr. Hacked"') where avatar_id = ${avatarId}`, sql`update avatar_versions set knowledge = '[]'::jsonb where avatar_id = ${avatarId}`];
    for (const edit of edits) expect(await database.db.execute(edit).then(() => "updated", refusal)).toMatch(/immutable/);
    const [row] = await database.db.select().from(avatarVersions).where(eq(avatarVersions.avatarId, avatarId));
    expect(row!.snapshot.name).toBe("Dr. Before");
  });
});

describe("patients get the published version; the preview gets the draft", () => {
  it("keeps answering patients as published while the draft changes, until it is published again", async () => {
    const doctor = callerFor(org.actors.doctor);
    await doctor.avatar.update({ avatarId, profile: testAvatarProfile("Dr. After", { greeting: "Hi there" }) });
    await doctor.knowledge.setEnabled({ documentId: docs.heart, enabled: false });

    const patient = await ask(await patientTarget(), SALT);
    expect(patient.kind).toBe("answer");
    expect(patient.text).toContain("Dr. Before");
    expect(patient.titles).toContain("Blood pressure notes");

    const preview = await ask(await previewTarget(), SALT);
    expect(preview.text).toContain("Dr. After");
    expect(preview.titles).not.toContain("Blood pressure notes");

    // Both languages reach the published set the same way.
    const zh = await ask(await patientTarget(), "高血压每天能吃多少盐？");
    expect(zh.titles).toContain("Blood pressure notes");
  });

  it("gives patients the protocols as published, the preview the draft's", async () => {
    await database.db.update(protocols).set({ title: "Headache (draft)", enabled: false }).where(eq(protocols.avatarId, avatarId));
    const published = await patientTarget();
    expect((await protocolsForTarget(database.db, published)).map((p) => p.title)).toEqual(["Headache"]);
    expect(await protocolsForTarget(database.db, await previewTarget())).toEqual([]);
    await database.db.update(protocols).set({ title: "Headache", enabled: true }).where(eq(protocols.avatarId, avatarId));
  });

  it("shows the draft's changes since the latest version", async () => {
    const { diff, from, to } = await callerFor(org.actors.doctor).version.diff({ avatarId });
    expect([from, to]).toEqual([1, null]);
    expect(diff.persona).toEqual(
      expect.arrayContaining([
        { field: "name", before: "Dr. Before", after: "Dr. After" },
        { field: "greeting", before: "Hello", after: "Hi there" },
      ]),
    );
    expect(diff.documents.removed.map((d) => d.title)).toEqual(["Blood pressure notes"]);
  });

  it("gives patients the new persona and knowledge set once published again", async () => {
    await callerFor(org.actors.doctor).avatar.publish({ avatarId });
    const patient = await ask(await patientTarget(), SALT);
    expect(patient.text).toContain("Dr. After");
    expect(patient.titles).not.toContain("Blood pressure notes");
  });
});

describe("the versions list and rollback", () => {
  it("lists versions newest first with who published them and what each changed", async () => {
    await database.db.update(protocols).set({ closingAdvice: "Rest and drink water." }).where(eq(protocols.avatarId, avatarId));
    const { versions, draftChanges } = await callerFor(org.actors.reviewer).version.list({ avatarId });
    expect(versions.map((v) => v.number)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ current: true, documentCount: 1, protocolCount: 1, publishedBy: expect.stringContaining("doctor") });
    expect(versions[0]!.changes).toMatchObject({ persona: expect.arrayContaining(["name", "greeting"]), documentsRemoved: 1 });
    expect(versions[1]!.changes).toBeNull();
    expect(draftChanges).toMatchObject({ changed: true, protocolsChanged: 1 });
  });

  it("rolls back by publishing a new version equal to the old one and restoring the draft to it", async () => {
    const result = await callerFor(org.actors.doctor).version.rollback({ avatarId, versionId: (await versionId(1))! });
    expect(result).toMatchObject({ version: { number: 3 }, restoredFrom: 1, missingDocuments: [], replacedDocuments: [] });

    const [v1, v3] = [await versionRow(1), await versionRow(3)];
    expect(v3!.restoredFrom).toBe(1);
    expect(v3!.snapshot).toEqual(v1!.snapshot);
    expect(v3!.protocols).toEqual(v1!.protocols);
    expect(sortById(v3!.knowledge!)).toEqual(sortById(v1!.knowledge!));

    const draft = await getAvatarOrThrow(database.db, org.actors.doctor, avatarId, "read");
    expect([draft.name, draft.greeting, draft.publishedVersionId]).toEqual(["Dr. Before", "Hello", v3!.id]);
    const [heart] = await database.db.select().from(documents).where(eq(documents.id, docs.heart));
    expect(heart!.enabled).toBe(true);
    const [protocol] = await database.db.select().from(protocols).where(eq(protocols.avatarId, avatarId));
    expect(protocol!.closingAdvice).toBe("Rest.");

    const patient = await ask(await patientTarget(), SALT);
    expect(patient.text).toContain("Dr. Before");
    expect(patient.titles).toContain("Blood pressure notes");
    expect((await callerFor(org.actors.doctor).version.diff({ avatarId })).diff.changed).toBe(false);
  });

  it("says which documents were deleted since, and leaves them out", async () => {
    await callerFor(org.actors.doctor).knowledge.delete({ documentId: docs.heart });
    const result = await callerFor(org.actors.doctor).version.rollback({ avatarId, versionId: (await versionId(1))! });
    expect(result.missingDocuments.map((d) => d.title)).toEqual(["Blood pressure notes"]);
    expect((await versionRow(result.version.number))!.knowledge!.map((d) => d.id)).toEqual([docs.gout]);
  });
});

describe("permissions", () => {
  it("lets a reviewer read versions and diffs but not roll back", async () => {
    const reviewer = callerFor(org.actors.reviewer);
    expect((await reviewer.version.diff({ avatarId, versionId: (await versionId(2))! })).to).toBe(2);
    expect(await codeOf(reviewer.version.rollback({ avatarId, versionId: (await versionId(1))! }))).toBe("FORBIDDEN");
  });

  it("answers another organization's members with not found", async () => {
    const outsider = callerFor(other.actors.admin);
    expect(await codeOf(outsider.version.list({ avatarId }))).toBe("NOT_FOUND");
    expect(await codeOf(outsider.version.diff({ avatarId }))).toBe("NOT_FOUND");
    expect(await codeOf(outsider.version.rollback({ avatarId, versionId: (await versionId(1))! }))).toBe("NOT_FOUND");
  });

  it("does not roll an avatar back to another avatar's version", async () => {
    const doctor = callerFor(org.actors.doctor);
    const second = await doctor.avatar.create(testAvatarProfile("Second"));
    expect(await codeOf(doctor.version.rollback({ avatarId: second.id, versionId: (await versionId(1))! }))).toBe("NOT_FOUND");
    expect(await codeOf(doctor.version.diff({ avatarId: second.id, versionId: (await versionId(1))! }))).toBe("NOT_FOUND");
  });
});

async function versionRow(number: number) {
  const rows = await database.db.select().from(avatarVersions).where(eq(avatarVersions.avatarId, avatarId));
  return rows.find((r) => r.number === number);
}
async function versionId(number: number) {
  return (await versionRow(number))?.id;
}
const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { protocols } from "@/db/schema";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { createCaller } from "@/server/trpc/root";
import { getPublishedAvatarCached, PUBLISHED_TTL_MS } from "./published-target";

let database: Database;
let org: Awaited<ReturnType<typeof createTestOrg<"doctor">>>;
let avatarId = "";
let slug = "";

const doctor = () => createCaller({ db: database.db, actor: org.actors.doctor, wakeWorker: () => {} });

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrg(database, ["doctor"]);
  const avatar = await doctor().avatar.create(testAvatarProfile("Dr. Cache"));
  [avatarId, slug] = [avatar.id, avatar.slug];
  // Publishing needs a processed document.
  await doctor().knowledge.paste({ avatarId, title: "Headache notes", text: "# Headache\n\nRest in a dark room and drink water. 头痛时在安静的暗室休息。" });
  await drainIngestionQueue(database.db, createOfflineEmbedder());
  await database.db.insert(protocols).values([
    { orgId: org.orgId, avatarId, title: "Headache", chiefComplaint: "headache", triggersEn: ["headache"], triggersZh: ["头痛"], closingAdvice: "Rest.", position: 1 },
    { orgId: org.orgId, avatarId, title: "Fever", chiefComplaint: "fever", triggersEn: ["fever"], triggersZh: ["发烧"], closingAdvice: "Drink water.", position: 0 },
    { orgId: org.orgId, avatarId, title: "Cough", chiefComplaint: "cough", triggersEn: ["cough"], triggersZh: ["咳嗽"], closingAdvice: "Rest.", enabled: false },
  ]);
});

afterAll(async () => {
  await database?.close();
});

describe("the published target cache", () => {
  it("carries the published version's enabled protocols in order, and a new publish's once the entry expires", async () => {
    const t0 = Date.now();
    const v1 = await doctor().avatar.publish({ avatarId });
    const first = await getPublishedAvatarCached(database.db, slug, t0);
    expect(first.versionId).toBe(v1.id);
    expect(first.protocols.map((p) => p.title)).toEqual(["Fever", "Headache"]);

    // Draft edits do not reach patients: the version's protocols are frozen.
    await database.db.update(protocols).set({ title: "Fever (draft)" }).where(eq(protocols.title, "Fever"));
    const v2 = await doctor().avatar.publish({ avatarId });
    const cached = await getPublishedAvatarCached(database.db, slug, t0 + PUBLISHED_TTL_MS - 1);
    expect(cached.versionId).toBe(v1.id);
    expect(cached.protocols.map((p) => p.title)).toEqual(["Fever", "Headache"]);

    const renewed = await getPublishedAvatarCached(database.db, slug, t0 + PUBLISHED_TTL_MS);
    expect(renewed.versionId).toBe(v2.id);
    expect(renewed.protocols.map((p) => p.title)).toEqual(["Fever (draft)", "Headache"]);
  });

  it("does not keep an unknown slug", async () => {
    await expect(getPublishedAvatarCached(database.db, "no-such-avatar")).rejects.toMatchObject({ code: "not_found" });
  });
});

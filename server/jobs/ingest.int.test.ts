import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { documentFiles, documents, passages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { addDocument, pasteDocument, setDocumentEnabled } from "@/server/knowledge/document.service";
import { retrievePassages } from "@/server/knowledge/retrieve/retrieve";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { claimNextDocument, drainIngestionQueue, processDocument } from "./ingest";

const embedder = createOfflineEmbedder();
const limits = { maxBytes: 1 << 20 };
const SALT_DOC = "# Salt\n\nEat less than five grams of salt a day to lower blood pressure.\n\n# Sleep\n\nAdults need seven to eight hours of sleep.";
const GOUT_DOC = "# 痛风\n\n痛风发作时应多喝水，避免饮酒和高嘌呤食物，例如动物内脏和海鲜。";

let database: Database;
let doctor: Principal<"staff">;
let avatarId: string;
let otherAvatarId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  avatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Salt"))).id;
  otherAvatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Gout"))).id;
});

afterAll(async () => {
  await database?.close();
});

const passagesOf = (documentId: string) => database.db.select().from(passages).where(eq(passages.documentId, documentId));

describe("ingestion", () => {
  it("turns a queued document into passages with embeddings and a finished status", async () => {
    const { document } = await pasteDocument(database.db, doctor, { avatarId, title: "Lifestyle", text: SALT_DOC }, limits);
    expect(document.status).toBe("queued");
    expect(await drainIngestionQueue(database.db, embedder)).toBe(1);
    const [done] = await database.db.select().from(documents).where(eq(documents.id, document.id));
    expect(done).toMatchObject({ status: "ready", progress: 100, passageCount: 2 });
    const rows = await passagesOf(document.id);
    expect(rows.map((p) => p.headingPath)).toEqual([["Salt"], ["Sleep"]]);
    expect(rows[0]!.embedding).toHaveLength(embedder.dimensions);
  });

  it("recognises identical content and queues nothing", async () => {
    const again = await pasteDocument(database.db, doctor, { avatarId, title: "Copy", text: SALT_DOC }, limits);
    expect(again.duplicate).toBe(true);
    expect(await claimNextDocument(database.db)).toBeNull();
  });

  it("picks up a document whose worker died mid-way and finishes it without duplicate passages", async () => {
    const { document } = await pasteDocument(database.db, doctor, { avatarId: otherAvatarId, title: "痛风", text: GOUT_DOC }, limits);
    // Simulate a crash: claimed, some passages written, then the process vanished ten minutes ago.
    expect(await claimNextDocument(database.db)).toBe(document.id);
    await processDocument(database.db, embedder, document.id);
    await database.db.update(documents).set({ status: "processing", updatedAt: sql`now() - interval '10 minutes'` }).where(eq(documents.id, document.id));
    expect(await drainIngestionQueue(database.db, embedder)).toBe(1);
    const rows = await passagesOf(document.id);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.ordinal)).size).toBe(rows.length);
  });

  it("does not steal a document another worker is still processing", async () => {
    const { document } = await pasteDocument(database.db, doctor, { avatarId, title: "Fresh", text: "# Walking\n\nWalk thirty minutes a day." }, limits);
    expect(await claimNextDocument(database.db)).toBe(document.id);
    expect(await claimNextDocument(database.db)).toBeNull();
    await processDocument(database.db, embedder, document.id);
  });

  it("fails a corrupt stored file with its reason and keeps going", async () => {
    const { document } = await addDocument(database.db, doctor, { avatarId, title: "Broken", filename: "broken.txt", format: "text", bytes: new TextEncoder().encode("fine at upload") }, limits);
    await database.db.update(documentFiles).set({ data: new Uint8Array([0xff, 0xfe, 0x00, 0x41]) }).where(eq(documentFiles.documentId, document.id));
    await drainIngestionQueue(database.db, embedder);
    const [failed] = await database.db.select().from(documents).where(eq(documents.id, document.id));
    expect(failed!.status).toBe("failed");
    expect(failed!.error).toMatch(/UTF-8/);
  });

  it("refuses empty, binary and oversized uploads with a message naming the problem", async () => {
    const add = (bytes: Uint8Array, max = limits.maxBytes) =>
      addDocument(database.db, doctor, { avatarId, title: "x.txt", filename: "x.txt", format: "text", bytes }, { maxBytes: max });
    await expect(add(new TextEncoder().encode("  \n "))).rejects.toThrow(/empty/);
    await expect(add(new Uint8Array([0x00, 0x01, 0x02]))).rejects.toThrow(/binary/);
    await expect(add(new TextEncoder().encode("a".repeat(2048)), 1024)).rejects.toThrow(/limit is/);
  });
});

describe("retrieval", () => {
  it("finds the passage that answers the question, in English and in Chinese", async () => {
    const [top] = await retrievePassages(database.db, { avatarId, query: "how much salt per day?", embedder });
    expect(top?.headingPath).toEqual(["Salt"]);
    const [zh] = await retrievePassages(database.db, { avatarId: otherAvatarId, query: "痛风能喝酒吗", embedder });
    expect(zh?.content).toContain("饮酒");
  });

  it("never returns another avatar's passages", async () => {
    const results = await retrievePassages(database.db, { avatarId: otherAvatarId, query: "salt blood pressure sleep", embedder });
    expect(results.every((p) => !p.content.includes("salt"))).toBe(true);
  });

  it("returns nothing for a question the materials do not cover", async () => {
    expect(await retrievePassages(database.db, { avatarId, query: "Which vaccines does a puppy need?", embedder })).toEqual([]);
  });

  it("hides a disabled document at once and shows it again when re-enabled", async () => {
    const [doc] = await database.db.select().from(documents).where(eq(documents.title, "Lifestyle"));
    await setDocumentEnabled(database.db, doctor, doc!.id, false);
    const hidden = await retrievePassages(database.db, { avatarId, query: "salt per day", embedder });
    expect(hidden.some((p) => p.documentId === doc!.id)).toBe(false);
    await setDocumentEnabled(database.db, doctor, doc!.id, true);
    const shown = await retrievePassages(database.db, { avatarId, query: "salt per day", embedder });
    expect(shown.some((p) => p.documentId === doc!.id)).toBe(true);
  });
});

import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Database, getMigrationState } from "@/db/client";
import { documents, passages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { checkInWorker, prepareInWorker } from "@/server/knowledge/ingest/ingest-worker";
import { buildPdf, formularyMarkdown, repeatedSharedStringXlsx } from "@/server/knowledge/ingest/parsers/fixtures";
import { setIngestLimitsForTests } from "@/server/knowledge/limits";
import { uploadFiles } from "@/server/knowledge/upload.service";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { claimNextDocument, drainIngestionQueue, processDocument } from "./ingest";

const embedder = createOfflineEmbedder();
const limits = { maxBytes: 64 << 20 };
const SALT = "# Salt\n\nEat less than five grams of salt a day to lower blood pressure.";
const enc = (text: string) => new TextEncoder().encode(text);
const file = (name: string, content: string | Uint8Array) => new File([content as BlobPart], name);

let database: Database;
let doctor: Principal<"staff">;

beforeAll(async () => {
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
});

afterAll(async () => {
  await database?.close();
});

afterEach(() => setIngestLimitsForTests({}));

async function newAvatar(name: string): Promise<string> {
  return (await createAvatar(database.db, doctor, testAvatarProfile(name))).id;
}

async function upload(avatarId: string, files: File[]): Promise<string[]> {
  const results = await uploadFiles(database.db, doctor, { avatarId, files }, limits);
  return results.map((r) => {
    if (!r.ok) throw new Error(`${r.filename}: ${r.error}`);
    return r.documentId;
  });
}

async function statusOf(documentId: string) {
  const [doc] = await database.db.select({ status: documents.status, error: documents.error, passageCount: documents.passageCount }).from(documents).where(eq(documents.id, documentId));
  return doc;
}

describe("ingestion beside patients", () => {
  it("serves queries and timers while a large document's passages are written, and shows none of them until all are in", async () => {
    const sections = 2_000;
    const [id] = await upload(await newAvatar("Dr. Formulary"), [file("formulary.md", formularyMarkdown(sections))]);
    let finished = false;
    const ingest = drainIngestionQueue(database.db, embedder).finally(() => (finished = true));
    /** Passages written (of the next generation) when a health check was answered during the ingestion. */
    const writtenAtHealthChecks: number[] = [];
    let liveWhileWriting = 0;
    while (!finished) {
      // A timer fires and the database answers what /api/health asks, while the job is under way.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const migrations = await getMigrationState(database);
      expect(migrations.applied).toBe(migrations.total);
      const [row] = await database.db
        .select({ written: sql<number>`count(*)::int`, live: sql<number>`count(*) filter (where ${passages.generation} = ${documents.passageGeneration})::int` })
        .from(passages)
        .innerJoin(documents, eq(documents.id, passages.documentId))
        .where(eq(passages.documentId, id!));
      if (!finished) {
        writtenAtHealthChecks.push(Number(row!.written));
        if (Number(row!.written) < sections) liveWhileWriting = Math.max(liveWhileWriting, Number(row!.live));
      }
    }
    await ingest;
    // Answered mid-write: some passages were in and some were not yet.
    expect(writtenAtHealthChecks.some((n) => n > 0 && n < sections)).toBe(true);
    expect(liveWhileWriting).toBe(0);
    expect(await statusOf(id!)).toEqual({ status: "ready", error: null, passageCount: sections });
    const live = await database.db.select({ n: sql<number>`count(*)::int` }).from(passages).where(eq(passages.documentId, id!));
    expect(Number(live[0]!.n)).toBe(sections);
  }, 180_000);
});

describe("upload checks beside the job", () => {
  it("checks an upload while the job's worker is busy with a large document", async () => {
    const order: string[] = [];
    const preparing = prepareInWorker({ bytes: enc(formularyMarkdown(50_000)), format: "markdown", title: "Formulary", embedOffline: true }).then(() => order.push("prepared"));
    await checkInWorker(enc(SALT), "markdown").then(() => order.push("checked"));
    await preparing;
    expect(order).toEqual(["checked", "prepared"]);
  }, 120_000);
});

describe("ingestion limits", () => {
  it("checks uploads in the ingestion worker, under its limits", async () => {
    // Too little memory for the worker to start: a check run in the request's own thread would pass.
    setIngestLimitsForTests({ workerMemoryMb: 16 });
    const results = await uploadFiles(database.db, doctor, { avatarId: await newAvatar("Dr. Checked"), files: [file("salt.md", SALT)] }, limits);
    expect(results).toEqual([{ filename: "salt.md", ok: false, error: expect.stringContaining("needed more than 16 MB of memory") }]);
    setIngestLimitsForTests({});
    expect(await uploadFiles(database.db, doctor, { avatarId: await newAvatar("Dr. Checked again"), files: [file("salt.md", SALT)] }, limits)).toMatchObject([{ ok: true }]);
  });

  it("refuses a workbook whose rows all point at one huge shared string, by name, and stores the rest of the batch", async () => {
    const results = await uploadFiles(
      database.db,
      doctor,
      { avatarId: await newAvatar("Dr. Sheets"), files: [file("faq.xlsx", repeatedSharedStringXlsx(1_000_000, 100)), file("salt.md", SALT)] },
      limits,
    );
    expect(results[0]).toEqual({
      filename: "faq.xlsx",
      ok: false,
      error: "This Excel sheet expands to more than 30,000,000 characters of text, the limit for one document, so it was not indexed. Split it into smaller files and upload those.",
    });
    expect(results[1]).toMatchObject({ filename: "salt.md", ok: true });
  });

  it("refuses a PDF over the page limit, by name, and stores the rest of the batch", async () => {
    setIngestLimitsForTests({ maxPdfPages: 2 });
    const pdf = buildPdf(["One", "Two", "Three"].map((heading) => ({ heading, lines: [`Page ${heading} has enough text to index as a page.`] })));
    const results = await uploadFiles(database.db, doctor, { avatarId: await newAvatar("Dr. Pages"), files: [file("long.pdf", pdf), file("salt.md", SALT)] }, limits);
    expect(results[0]).toEqual({ filename: "long.pdf", ok: false, error: "This PDF has 3 pages; one document may have at most 2. Split it into smaller PDFs (by chapter, say) and upload those." });
    expect(results[1]).toMatchObject({ filename: "salt.md", ok: true });
  });

  it("stops a document whose reading passes the time limit; it fails with the reason and the next one is indexed", async () => {
    await drainIngestionQueue(database.db, embedder); // what earlier tests queued
    const [slow, next] = await upload(await newAvatar("Dr. Slow"), [file("formulary.md", formularyMarkdown(20_000)), file("salt.md", SALT)]);
    setIngestLimitsForTests({ timeoutMs: 100 });
    expect(await claimNextDocument(database.db)).toBe(slow);
    await processDocument(database.db, embedder, slow!);
    setIngestLimitsForTests({});
    expect(await drainIngestionQueue(database.db, embedder)).toBe(1);
    expect(await statusOf(slow!)).toEqual({
      status: "failed",
      error: "Reading this document took longer than 0.1 s, the limit for one document, so it was stopped. Split it into smaller files and upload those.",
      passageCount: 0,
    });
    expect(await statusOf(next!)).toMatchObject({ status: "ready", passageCount: 1 });
  }, 120_000);

  it("reports a document that exhausts the worker's memory as that document's error; the process and the next document go on", async () => {
    // Three million one-letter lines: a few megabytes of file, far more than 128 MB of line records.
    await drainIngestionQueue(database.db, embedder); // what earlier tests queued
    const [heavy, next] = await upload(await newAvatar("Dr. Heavy"), [file("lines.md", "a\n".repeat(3_000_000)), file("salt.md", SALT)]);
    setIngestLimitsForTests({ workerMemoryMb: 128 });
    expect(await claimNextDocument(database.db)).toBe(heavy);
    await processDocument(database.db, embedder, heavy!);
    setIngestLimitsForTests({});
    expect(await drainIngestionQueue(database.db, embedder)).toBe(1);
    expect(await statusOf(heavy!)).toEqual({
      status: "failed",
      error:
        "Reading this document needed more than 128 MB of memory, the limit for one document, so it was stopped. Split it into smaller files, or save it again from the program that made it, and upload that.",
      passageCount: 0,
    });
    expect(await statusOf(next!)).toMatchObject({ status: "ready", passageCount: 1 });
    expect(await database.db.select().from(passages).where(eq(passages.documentId, heavy!))).toEqual([]);
  }, 120_000);
});

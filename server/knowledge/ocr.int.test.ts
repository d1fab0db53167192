import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { documents, passages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { buildPdf } from "@/server/knowledge/ingest/parsers/fixtures";
import { missingOcrPrograms, pageImages, scannedPdf } from "@/server/test/scan-fixtures";
import { setOcrProgramsForTests } from "@/server/knowledge/limits";
import { retrievePassages } from "@/server/knowledge/retrieve/retrieve";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { listDocuments, replaceDocument } from "./document.service";
import { uploadFiles } from "./upload.service";

const embedder = createOfflineEmbedder();
const limits = { maxBytes: 8 << 20 };
const file = (name: string, bytes: Uint8Array) => new File([bytes as Uint8Array<ArrayBuffer>], name);

let database: Database;
let doctor: Principal<"staff">;

beforeAll(async () => {
  const missing = await missingOcrPrograms();
  // Never a silent skip: CI installs these (.ci/run); on a workstation, this says what to install.
  if (missing.length > 0) throw new Error(`The OCR tests need ${missing.join(", ")}. Install them (apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng poppler-utils fonts-wqy-microhei).`);
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
});

afterAll(async () => {
  await database?.close();
});

afterEach(() => setOcrProgramsForTests({}));

async function upload(name: string, files: File[]) {
  const avatarId = (await createAvatar(database.db, doctor, testAvatarProfile(name))).id;
  const results = await uploadFiles(database.db, doctor, { avatarId, files }, limits);
  const ids = results.map((r) => {
    if (!r.ok) throw new Error(`${r.filename}: ${r.error}`);
    return r.documentId;
  });
  await drainIngestionQueue(database.db, embedder);
  return { avatarId, ids };
}

const documentOf = async (id: string) => (await database.db.select().from(documents).where(eq(documents.id, id)))[0]!;
const top = async (avatarId: string, query: string) => (await retrievePassages(database.db, { avatarId, query, embedder }))[0];

describe("scanned documents through the ingestion pipeline", () => {
  it("indexes a scanned bilingual PDF: its scanned pages are read by OCR, recorded with their confidence, and found by questions in English and Chinese", async () => {
    const pdf = await scannedPdf([
      { heading: "Salt", lines: ["Eat less than five grams of salt a day to lower blood pressure."], textLayer: true },
      { heading: "Gout and alcohol", lines: ["Alcohol, beer above all, raises uric acid", "and can bring on a gout attack."] },
      { heading: "痛风与饮酒", lines: ["痛风患者不建议饮酒，啤酒会升高尿酸，", "并可能诱发痛风急性发作。"] },
    ]);
    const { avatarId, ids } = await upload("Dr. Scan", [file("gout-leaflet.pdf", pdf)]);
    const doc = await documentOf(ids[0]!);
    expect(doc).toMatchObject({ status: "ready", error: null, ocrPages: [{ page: 2 }, { page: 3 }] });
    for (const page of doc.ocrPages) expect(page.confidence).toBeGreaterThan(70);
    // The studio's document list carries them.
    expect((await listDocuments(database.db, doctor, avatarId))[0]!.ocrPages).toEqual(doc.ocrPages);

    const english = await top(avatarId, "Can I drink beer if I have gout?");
    expect(english).toMatchObject({ page: 2, headingPath: ["Gout and alcohol"] });
    expect(english!.content).toContain("raises uric acid and can bring on a gout attack");
    const chinese = await top(avatarId, "痛风患者可以喝啤酒吗？");
    expect(chinese).toMatchObject({ page: 3, headingPath: ["痛风与饮酒"] });
    expect(chinese!.content).toContain("啤酒会升高尿酸");
    expect(await top(avatarId, "How much salt a day?")).toMatchObject({ page: 1, headingPath: ["Salt"] });
  }, 120_000);

  it("indexes a PNG of a page, read by OCR, and finds it in both languages", async () => {
    const [png] = await pageImages([{ heading: "Exercise 运动", lines: ["Walk briskly for 150 minutes every week.", "每周快走一百五十分钟，有助于降低血压。"] }]);
    const { avatarId, ids } = await upload("Dr. Photo", [file("exercise.png", png!)]);
    const doc = await documentOf(ids[0]!);
    expect(doc).toMatchObject({ status: "ready", format: "image", ocrPages: [{ page: 1, confidence: expect.any(Number) }] });
    expect((await top(avatarId, "How many minutes should I walk each week?"))!.content).toContain("Walk briskly for 150 minutes every week.");
    expect((await top(avatarId, "每周快走多久？"))!.content).toContain("每周快走一百五十分钟");

    // A new version with a text layer replaces the OCR record with the passages.
    const text = buildPdf([{ heading: "Exercise", lines: ["Walk briskly for 150 minutes every week, or run for 75."] }]);
    await replaceDocument(database.db, doctor, { documentId: ids[0]!, filename: "exercise.pdf", format: "pdf", bytes: text }, limits);
    await drainIngestionQueue(database.db, embedder);
    expect(await documentOf(ids[0]!)).toMatchObject({ status: "ready", format: "pdf", ocrPages: [] });
  }, 120_000);

  it("fails a scan with a clear error when the OCR program is not installed; the text PDF beside it is indexed, and nothing is recorded as OCR'd", async () => {
    setOcrProgramsForTests({ tesseract: "/nonexistent/bin/tesseract" });
    const [png] = await pageImages([{ lines: ["Walk briskly for 150 minutes every week."] }], 100);
    const text = buildPdf([{ heading: "Salt", lines: ["Eat less than five grams of salt a day."] }]);
    const { ids } = await upload("Dr. No OCR", [file("walk.png", png!), file("salt.pdf", text)]);
    expect(await documentOf(ids[0]!)).toMatchObject({
      status: "failed",
      error:
        'This image needs text recognition (OCR), which is not installed on this server: the program "/nonexistent/bin/tesseract" was not found. Ask your administrator to install Debian\'s tesseract-ocr, tesseract-ocr-chi-sim and tesseract-ocr-eng packages (or to set TESSERACT_PATH), or upload the original Word or text file.',
      ocrPages: [],
    });
    expect(await documentOf(ids[1]!)).toMatchObject({ status: "ready", ocrPages: [] });
    expect(await database.db.select({ id: passages.id }).from(passages).where(eq(passages.documentId, ids[0]!))).toEqual([]);
  }, 120_000);
});

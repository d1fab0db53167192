import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { curatedAnswers, documentFiles, documents, passages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { drainIngestionQueue, processDocument } from "@/server/jobs/ingest";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { buildDocx, buildPdf, buildXlsx, lyingZipBomb, zipBomb } from "@/server/knowledge/ingest/parsers/fixtures";
import { findCuratedAnswer } from "@/server/knowledge/retrieve/curated";
import { retrievePassages } from "@/server/knowledge/retrieve/retrieve";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { deleteDocument, listDocuments, pasteDocument, replaceDocument, setDocumentEnabled, updateProvenance } from "./document.service";
import { testRetrieval } from "./retrieval.service";
import { uploadFiles } from "./upload.service";

const embedder = createOfflineEmbedder();
const limits = { maxBytes: 1 << 20 };
const enc = (s: string) => new TextEncoder().encode(s);
const file = (name: string, bytes: Uint8Array | string) => new File([(typeof bytes === "string" ? enc(bytes) : bytes) as Uint8Array<ArrayBuffer>], name);

let database: Database;
let doctor: Principal<"staff">;

async function newAvatar(name: string) {
  return (await createAvatar(database.db, doctor, testAvatarProfile(name))).id;
}
const docByTitle = async (avatarId: string, title: string) =>
  (await database.db.select().from(documents).where(and(eq(documents.avatarId, avatarId), eq(documents.title, title))))[0]!;
const passagesOf = (documentId: string) => database.db.select().from(passages).where(eq(passages.documentId, documentId)).orderBy(passages.ordinal);
const curatedOf = (documentId: string) => database.db.select().from(curatedAnswers).where(eq(curatedAnswers.documentId, documentId));
/** Makes a document waiting for a retry due now (the queue backs off between attempts). */
const makeDue = (documentId: string) =>
  database.db.update(documents).set({ updatedAt: sql`now() - interval '1 day'` }).where(eq(documents.id, documentId));

beforeAll(async () => {
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
});

afterAll(async () => {
  await database?.close();
});

const FAQ_CSV = [
  "问题,答案",
  "Can I drink alcohol with gout?,\"No. Alcohol, beer above all, raises uric acid and can bring on an attack.\"",
  "痛风能喝酒吗？,不建议。酒精，尤其是啤酒，会升高尿酸并诱发痛风发作。",
].join("\n");

describe("a batch of every format, with bad files among them", () => {
  let avatarId: string;
  let results: Awaited<ReturnType<typeof uploadFiles>>;

  beforeAll(async () => {
    avatarId = await newAvatar("Dr. Formats");
    const files = [
      file("notes.md", "# Salt\n\nEat less than five grams of salt a day."),
      file("plain.txt", "Walk for thirty minutes every day, most days of the week."),
      file("page.html", "<html><head><script>track()</script><style>h1{}</style></head><body><nav>Home | About</nav><h1>Sleep</h1><p>Adults need seven hours of sleep.</p></body></html>"),
      file("leaflet.pdf", buildPdf([
        { heading: "Hypertension", lines: ["Blood pressure above 140/90 is high.", "Measure it at home twice a day."] },
        { heading: "Medicines", lines: ["Take your tablets at the same time each day."] },
      ])),
      file("guide.docx", buildDocx([{ text: "Gout", heading: 1 }, { text: "Drink two litres of water a day." }, { text: "Diet", heading: 2 }, { text: "Limit offal and shellfish." }])),
      file("faq.csv", FAQ_CSV),
      file("faq.xlsx", buildXlsx([["Question", "Answer"], ["How much salt should I eat per day?", "Less than five grams, about one teaspoon."]])),
      // Bad files: refused at upload with their reason...
      file("corrupt.pdf", "%PDF-1.4\nthis is not really a pdf"),
      file("locked.pdf", buildPdf([{ lines: ["Confidential guidance."] }], { encrypt: true })),
      file("empty.txt", new Uint8Array(0)),
      file("setup.exe", "MZ binary"),
      file("renamed.txt", buildPdf([{ lines: ["A PDF in disguise."] }])),
      file("broken.docx", "this is not a zip"),
      file("bomb.docx", zipBomb(16)),
      file("old.doc", "binary"),
      // ...or, when only the full parse can tell, failed by the job with their reason.
      file("scan.pdf", buildPdf([{ lines: [] }, { lines: [] }])),
      file("sneaky-bomb.docx", lyingZipBomb(16)),
    ];
    results = await uploadFiles(database.db, doctor, { avatarId, files }, limits);
    await drainIngestionQueue(database.db, embedder);
  });

  it("reports each file on its own: the good ones queued, the bad ones refused with a reason a doctor can act on", () => {
    const byName = Object.fromEntries(results.map((r) => [r.filename, r]));
    for (const name of ["notes.md", "plain.txt", "page.html", "leaflet.pdf", "guide.docx", "faq.csv", "faq.xlsx", "scan.pdf", "sneaky-bomb.docx"]) {
      expect(byName[name], name).toMatchObject({ ok: true, duplicate: false });
    }
    const error = (name: string) => (byName[name] as { error?: string }).error;
    expect(error("corrupt.pdf")).toMatch(/PDF could not be read: it looks damaged/);
    expect(error("locked.pdf")).toMatch(/password-protected/);
    expect(error("empty.txt")).toMatch(/empty/);
    expect(error("setup.exe")).toMatch(/not a supported file type/);
    expect(error("renamed.txt")).toMatch(/is a PDF.*Rename it to end in \.pdf/);
    expect(error("broken.docx")).toMatch(/not a valid Word document.*not a zip archive/);
    expect(error("bomb.docx")).toMatch(/archive bomb/);
    expect(error("old.doc")).toMatch(/older Word format.*\.docx/);
  });

  it("processes every good format into passages", async () => {
    const ready = await database.db.select().from(documents).where(and(eq(documents.avatarId, avatarId), eq(documents.status, "ready")));
    expect(ready.map((d) => d.filename).sort()).toEqual(["faq.csv", "faq.xlsx", "guide.docx", "leaflet.pdf", "notes.md", "page.html", "plain.txt"]);
    expect(ready.every((d) => d.passageCount > 0)).toBe(true);
  });

  it("keeps PDF page numbers on the passages", async () => {
    const rows = await passagesOf((await docByTitle(avatarId, "leaflet")).id);
    expect(rows.map((p) => [p.headingPath, p.page])).toEqual([
      [["Hypertension"], 1],
      [["Medicines"], 2],
    ]);
    const [hit] = await retrievePassages(database.db, { avatarId, query: "when should I take my tablets", embedder });
    expect(hit).toMatchObject({ page: 2, documentTitle: "leaflet" });
  });

  it("keeps Word headings and drops a web page's scripts, styles and navigation", async () => {
    expect((await passagesOf((await docByTitle(avatarId, "guide")).id)).map((p) => p.headingPath)).toEqual([["Gout"], ["Gout", "Diet"]]);
    const html = await passagesOf((await docByTitle(avatarId, "page")).id);
    expect(html.map((p) => [p.headingPath, p.content])).toEqual([[["Sleep"], "Adults need seven hours of sleep."]]);
  });

  it("fails a PDF with neither text nor images and a bomb that lies about its size in the job, with the reason on that document", async () => {
    const scan = await docByTitle(avatarId, "scan");
    expect(scan).toMatchObject({ status: "failed", passageCount: 0 });
    expect(scan.error).toMatch(/no text to index: its pages hold neither text nor scanned images/);
    const bomb = await docByTitle(avatarId, "sneaky-bomb");
    expect(bomb.status).toBe("failed");
    expect(bomb.error).toMatch(/archive bomb/);
  });

  it("keeps each FAQ pair as one curated answer (and one passage), in both languages", async () => {
    const csv = await docByTitle(avatarId, "faq");
    const entries = await curatedOf(csv.id);
    expect(entries.map((e) => e.question).sort()).toEqual(["Can I drink alcohol with gout?", "痛风能喝酒吗？"]);
    expect(entries.every((e) => e.avatarId === avatarId && e.orgId === doctor.orgId && e.embedding.length === 384)).toBe(true);
    expect((await passagesOf(csv.id)).map((p) => [p.headingPath[0], p.content])).toEqual([
      ["Can I drink alcohol with gout?", "No. Alcohol, beer above all, raises uric acid and can bring on an attack."],
      ["痛风能喝酒吗？", "不建议。酒精，尤其是啤酒，会升高尿酸并诱发痛风发作。"],
    ]);
    const xlsx = (await database.db.select().from(documents).where(and(eq(documents.avatarId, avatarId), eq(documents.filename, "faq.xlsx"))))[0]!;
    expect((await curatedOf(xlsx.id)).map((e) => e.answer)).toEqual(["Less than five grams, about one teaspoon."]);
  });

  it("finds the curated answer for the same question asked another way, and not for a different one", async () => {
    expect(await findCuratedAnswer(database.db, { avatarId, query: "Can I drink alcohol if I have gout?", embedder })).toMatchObject({
      question: "Can I drink alcohol with gout?",
      documentTitle: "faq",
      matched: true,
    });
    expect(await findCuratedAnswer(database.db, { avatarId, query: "我有痛风，能不能喝酒？", embedder })).toMatchObject({ question: "痛风能喝酒吗？" });
    expect(await findCuratedAnswer(database.db, { avatarId, query: "Can I drink alcohol while pregnant?", embedder })).toBeNull();
  });

  it("hides a disabled FAQ sheet's curated answers at once, and removes them with the document", async () => {
    const csv = await docByTitle(avatarId, "faq");
    const ask = () => findCuratedAnswer(database.db, { avatarId, query: "痛风可以喝酒吗", embedder });
    await setDocumentEnabled(database.db, doctor, csv.id, false);
    expect(await ask()).toBeNull();
    await setDocumentEnabled(database.db, doctor, csv.id, true);
    expect(await ask()).not.toBeNull();
    await deleteDocument(database.db, doctor, csv.id);
    expect(await curatedOf(csv.id)).toEqual([]);
    expect(await ask()).toBeNull();
  });

  it("shows the studio what retrieval finds for a question, with scores and the closest curated answer", async () => {
    const result = await testRetrieval(database.db, doctor, { avatarId, query: "How much salt a day?" }, embedder);
    expect(result.curated).toMatchObject({ question: "How much salt should I eat per day?", matched: true });
    expect(result.passages.length).toBeGreaterThan(0);
    expect(result.passages[0]).toMatchObject({ score: expect.any(Number), similarity: expect.any(Number), documentTitle: expect.any(String) });
    const other = await createTestOrg(database, ["doctor"]);
    await expect(testRetrieval(database.db, other.actors.doctor, { avatarId, query: "salt" }, embedder)).rejects.toThrow(/No such avatar/);
  });
});

describe("replacing a document", () => {
  let avatarId: string;
  let original: typeof documents.$inferSelect;
  const ask = async (query: string) => (await retrievePassages(database.db, { avatarId, query, embedder })).map((p) => p.content).join(" ");

  beforeAll(async () => {
    avatarId = await newAvatar("Dr. Versions");
    const [result] = await uploadFiles(database.db, doctor, { avatarId, files: [file("salt-2019.md", "# Salt\n\nEat less than six grams of salt a day.")] }, limits);
    await drainIngestionQueue(database.db, embedder);
    original = (await database.db.select().from(documents).where(eq(documents.id, (result as { documentId: string }).documentId)))[0]!;
    await pasteDocument(database.db, doctor, { avatarId, title: "Sleep", text: "# Sleep\n\nAdults need seven hours of sleep." }, limits);
    await drainIngestionQueue(database.db, embedder);
  });

  it("keeps the old passages serving until the new version is processed, then swaps them in one go", async () => {
    const [result] = await uploadFiles(
      database.db,
      doctor,
      { avatarId, files: [file("salt-2024.md", "# Salt\n\nEat less than five grams of salt a day.")], replaceDocumentId: original.id },
      limits,
    );
    expect(result).toMatchObject({ ok: true, documentId: original.id, duplicate: false });
    const [listed] = (await listDocuments(database.db, doctor, avatarId)).filter((d) => d.id === original.id);
    expect(listed).toMatchObject({ status: "ready", filename: "salt-2019.md", replacement: { filename: "salt-2024.md", status: "queued" } });
    expect(await ask("how much salt a day")).toContain("six grams");

    // The first attempt dies mid-way (the embedding service fails after the parse): the old version stays.
    const failing: Embedder = { id: embedder.id, dimensions: embedder.dimensions, embed: async () => Promise.reject(new Error("embedding service down")) };
    const replacementId = listed!.replacement!.id;
    await database.db.update(documents).set({ status: "processing", attempts: 1 }).where(eq(documents.id, replacementId));
    await processDocument(database.db, failing, replacementId);
    expect(await ask("how much salt a day")).toContain("six grams");
    expect((await passagesOf(original.id)).map((p) => p.content)).toEqual(["Eat less than six grams of salt a day."]);

    await makeDue(replacementId);
    await drainIngestionQueue(database.db, embedder);
    const after = await passagesOf(original.id);
    expect(after.map((p) => p.content)).toEqual(["Eat less than five grams of salt a day."]);
    expect(await ask("how much salt a day")).toContain("five grams");
    expect(await ask("how much salt a day")).not.toContain("six grams");
    const [doc] = await database.db.select().from(documents).where(eq(documents.id, original.id));
    expect(doc).toMatchObject({ status: "ready", filename: "salt-2024.md", title: "salt-2024", passageCount: 1 });
    const [stored] = await database.db.select().from(documentFiles).where(eq(documentFiles.documentId, original.id));
    expect(new TextDecoder().decode(stored!.data)).toContain("five grams");
    expect(await database.db.select().from(documents).where(eq(documents.replacesDocumentId, original.id))).toEqual([]);
  });

  it("keeps the old version when the new one fails, and says why on the document", async () => {
    const { replacement } = await replaceDocument(
      database.db,
      doctor,
      { documentId: original.id, filename: "scan.pdf", format: "pdf", bytes: buildPdf([{ lines: [] }]) },
      limits,
    );
    await drainIngestionQueue(database.db, embedder);
    const [listed] = (await listDocuments(database.db, doctor, avatarId)).filter((d) => d.id === original.id);
    expect(listed).toMatchObject({ status: "ready", filename: "salt-2024.md", replacement: { id: replacement!.id, status: "failed" } });
    expect(listed!.replacement!.error).toMatch(/no text to index/);
    expect(await ask("how much salt a day")).toContain("five grams");
    // Dismissing the failed replacement leaves the document as it was.
    await deleteDocument(database.db, doctor, replacement!.id);
    expect((await listDocuments(database.db, doctor, avatarId)).find((d) => d.id === original.id)!.replacement).toBeNull();
    expect(await passagesOf(original.id)).toHaveLength(1);
  });

  it("costs nothing for identical content and refuses content another document already holds", async () => {
    const same = await replaceDocument(database.db, doctor, { documentId: original.id, filename: "copy.md", format: "markdown", bytes: enc("# Salt\n\nEat less than five grams of salt a day.") }, limits);
    expect(same).toMatchObject({ duplicate: true, replacement: null });
    await expect(
      replaceDocument(database.db, doctor, { documentId: original.id, filename: "sleep.md", format: "markdown", bytes: enc("# Sleep\n\nAdults need seven hours of sleep.") }, limits),
    ).rejects.toThrow(/already on this avatar as “Sleep”/);
    await expect(
      replaceDocument(database.db, doctor, { documentId: original.id, filename: "bad.pdf", format: "pdf", bytes: enc("not a pdf") }, limits),
    ).rejects.toThrow(/not a PDF/);
  });

  it("swaps an FAQ sheet's curated answers with its passages", async () => {
    const { document } = await pasteDocument(database.db, doctor, { avatarId, title: "Plain FAQ", text: "# Exercise\n\nWalk daily." }, limits);
    await drainIngestionQueue(database.db, embedder);
    await replaceDocument(database.db, doctor, { documentId: document.id, filename: "faq.csv", format: "csv", bytes: enc(FAQ_CSV) }, limits);
    expect(await curatedOf(document.id)).toEqual([]);
    await drainIngestionQueue(database.db, embedder);
    expect((await curatedOf(document.id)).length).toBe(2);
    expect((await passagesOf(document.id)).map((p) => p.headingPath[0])).toEqual(["Can I drink alcohol with gout?", "痛风能喝酒吗？"]);
    // The doctor's own title stays when a document is replaced.
    expect((await database.db.select().from(documents).where(eq(documents.id, document.id)))[0]!.title).toBe("Plain FAQ");
  });

  it("never replaces another organization's document", async () => {
    const other = await createTestOrg(database, ["doctor"]);
    const otherAvatar = (await createAvatar(database.db, other.actors.doctor, testAvatarProfile("Dr. Other"))).id;
    await expect(
      uploadFiles(database.db, other.actors.doctor, { avatarId: otherAvatar, files: [file("x.md", "# X\n\nOther text.")], replaceDocumentId: original.id }, limits),
    ).rejects.toThrow(/No such document/);
  });

  it("lets a deleted document take its pending replacement with it", async () => {
    const { document } = await pasteDocument(database.db, doctor, { avatarId, title: "Temp", text: "# Temp\n\nTemporary text." }, limits);
    await drainIngestionQueue(database.db, embedder);
    const { replacement } = await replaceDocument(database.db, doctor, { documentId: document.id, filename: "temp.md", format: "markdown", bytes: enc("New temp text.") }, limits);
    await deleteDocument(database.db, doctor, document.id);
    expect(await database.db.select().from(documents).where(eq(documents.id, replacement!.id))).toEqual([]);
    expect(await passagesOf(document.id)).toEqual([]);
  });
});

describe("provenance", () => {
  it("is set at paste time, edited later, and flags documents past their review date", async () => {
    const avatarId = await newAvatar("Dr. Sources");
    const provenance = { sourceKind: "guideline" as const, sourceName: "ESC", edition: "2023", evidenceLevel: "1A", reviewBy: "2020-01-01" };
    const { document } = await pasteDocument(database.db, doctor, { avatarId, title: "ESC hypertension", text: "# BP\n\nTreat above 140/90.", provenance }, limits);
    expect(document).toMatchObject(provenance);
    let [listed] = await listDocuments(database.db, doctor, avatarId);
    expect(listed).toMatchObject({ reviewOverdue: true, replacement: null });

    const updated = await updateProvenance(database.db, doctor, document.id, { sourceKind: "journal", sourceName: "NEJM", edition: "", evidenceLevel: "", reviewBy: "2999-12-31" });
    expect(updated).toMatchObject({ sourceKind: "journal", sourceName: "NEJM", edition: null, evidenceLevel: null, reviewBy: "2999-12-31" });
    [listed] = await listDocuments(database.db, doctor, avatarId);
    expect(listed!.reviewOverdue).toBe(false);

    await expect(updateProvenance(database.db, doctor, document.id, { reviewBy: "31/12/2030" })).rejects.toThrow(/YYYY-MM-DD/);
    const other = await createTestOrg(database, ["doctor"]);
    await expect(updateProvenance(database.db, other.actors.doctor, document.id, { sourceName: "X" })).rejects.toThrow(/No such document/);
  });

  it("is set for a whole upload batch, and a bad field refuses the batch before anything is stored", async () => {
    const avatarId = await newAvatar("Dr. Batch");
    const results = await uploadFiles(
      database.db,
      doctor,
      { avatarId, files: [file("a.md", "# A\n\nAlpha text."), file("b.md", "# B\n\nBeta text.")], provenance: { sourceKind: "textbook", sourceName: "Harrison's", edition: "21st edition" } },
      limits,
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await database.db.select().from(documents).where(eq(documents.avatarId, avatarId));
    expect(rows.map((r) => [r.sourceKind, r.sourceName, r.edition])).toEqual([
      ["textbook", "Harrison's", "21st edition"],
      ["textbook", "Harrison's", "21st edition"],
    ]);
    await expect(uploadFiles(database.db, doctor, { avatarId, files: [file("c.md", "C")], provenance: { reviewBy: "soon" } }, limits)).rejects.toThrow(/YYYY-MM-DD/);
  });
});

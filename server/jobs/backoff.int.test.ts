import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { documents, passages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { pasteDocument } from "@/server/knowledge/document.service";
import { type Embedder, EmbeddingError } from "@/server/knowledge/embed/embedder";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { claimNextDocument, drainIngestionQueue, LEASE_SECONDS, MAX_ATTEMPTS, retryDelaySeconds } from "./ingest";

const limits = { maxBytes: 1 << 20 };

/** The offline embedder behind an endpoint that is down for the first `failures` calls. */
function flakyEmbedder(failures: number): Embedder & { calls: number } {
  const inner = createOfflineEmbedder();
  const flaky = {
    id: inner.id,
    dimensions: inner.dimensions,
    calls: 0,
    embed: async (texts: string[]) => {
      flaky.calls += 1;
      if (flaky.calls <= failures) throw new EmbeddingError("Embedding endpoint http://127.0.0.1:9/v1/embeddings cannot be reached: ECONNREFUSED.");
      return inner.embed(texts);
    },
  };
  return flaky;
}

let database: Database;
let doctor: Principal<"staff">;
let avatarId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  avatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Retry"))).id;
});

afterAll(async () => {
  await database?.close();
});

const row = async (id: string) => (await database.db.select().from(documents).where(eq(documents.id, id)))[0]!;
/** Moves the document's last attempt `seconds` into the past (instead of waiting). */
const age = (id: string, seconds: number) =>
  database.db.update(documents).set({ updatedAt: sql`now() - make_interval(secs => ${seconds})` }).where(eq(documents.id, id));

describe("retry with exponential backoff", () => {
  it("doubles the wait after each failed attempt, up to a ceiling", () => {
    expect([0, 1, 2, 3, 4].map(retryDelaySeconds)).toEqual([0, 30, 60, 120, 240]);
    expect(retryDelaySeconds(20)).toBe(15 * 60);
  });

  it("retries a transient failure only when its delay has passed, then finishes without duplicates", async () => {
    const embedder = flakyEmbedder(2);
    const { document } = await pasteDocument(database.db, doctor, { avatarId, title: "Salt", text: "# Salt\n\nEat less than five grams of salt a day.\n\n# Sleep\n\nSleep eight hours." }, limits);

    expect(await drainIngestionQueue(database.db, embedder)).toBe(1);
    let doc = await row(document.id);
    expect(doc).toMatchObject({ status: "queued", attempts: 1 });
    expect(doc.error).toMatch(/Attempt 1 failed \(Embedding endpoint .* ECONNREFUSED\.\); retrying in 30 s/);

    // Not due yet: the queue is empty for now, however often it is drained.
    expect(await drainIngestionQueue(database.db, embedder)).toBe(0);
    await age(document.id, 25);
    expect(await claimNextDocument(database.db)).toBeNull();
    await age(document.id, 31);
    expect(await drainIngestionQueue(database.db, embedder)).toBe(1);
    doc = await row(document.id);
    expect(doc).toMatchObject({ status: "queued", attempts: 2 });
    expect(doc.error).toMatch(/retrying in 60 s/);

    // The second wait is twice the first.
    await age(document.id, 45);
    expect(await drainIngestionQueue(database.db, embedder)).toBe(0);
    await age(document.id, 61);
    expect(await drainIngestionQueue(database.db, embedder)).toBe(1);
    doc = await row(document.id);
    expect(doc).toMatchObject({ status: "ready", attempts: 3, error: null, passageCount: 2 });
    const rows = await database.db.select().from(passages).where(eq(passages.documentId, document.id));
    expect(rows).toHaveLength(2);
  });

  it(`fails a document for good after ${MAX_ATTEMPTS} failed attempts, with the last reason`, async () => {
    const embedder = flakyEmbedder(Number.POSITIVE_INFINITY);
    const { document } = await pasteDocument(database.db, doctor, { avatarId, title: "Gout", text: "# Gout\n\nDrink water during a gout flare." }, limits);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      expect(await drainIngestionQueue(database.db, embedder)).toBe(1);
      await age(document.id, retryDelaySeconds(attempt) + 1);
    }
    const doc = await row(document.id);
    expect(doc).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(doc.error).toMatch(new RegExp(`Processing failed after ${MAX_ATTEMPTS} attempts: Embedding endpoint`));
    expect(await claimNextDocument(database.db)).toBeNull();
  });

  it("gives up on a document whose worker died on every attempt instead of taking it up forever", async () => {
    const { document } = await pasteDocument(database.db, doctor, { avatarId, title: "Poison", text: "# Poison\n\nThis one kills its worker." }, limits);
    await database.db.update(documents).set({ status: "processing", attempts: MAX_ATTEMPTS }).where(eq(documents.id, document.id));
    await age(document.id, LEASE_SECONDS + 1);
    expect(await claimNextDocument(database.db)).toBeNull();
    const doc = await row(document.id);
    expect(doc.status).toBe("failed");
    expect(doc.error).toMatch(/did not finish after 5 attempts/);
  });

  it("refuses to process anything with an embedder whose vectors pgvector cannot store", async () => {
    const wide: Embedder = { id: "wide", dimensions: 16_001, embed: async (texts) => texts.map(() => new Array<number>(16_001).fill(0)) };
    await expect(drainIngestionQueue(database.db, wide)).rejects.toThrow(/makes 16001-dimensional vectors; pgvector stores 1 to 16000/);
  });
});

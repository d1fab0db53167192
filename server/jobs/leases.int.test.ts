import { setImmediate as nextTurn } from "node:timers/promises";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { documents } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { pasteDocument } from "@/server/knowledge/document.service";
import type { Embedder } from "@/server/knowledge/embed/embedder";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { claimNextDocument, drainIngestionQueue, LEASE_SECONDS, releaseDocument } from "./ingest";
import { LeaseBook } from "./leases";
import { releaseNotification } from "@/server/safety/notify/deliver";
import { releaseRun } from "@/server/simulation/run-queue";

/**
 * Two worker loops share one database, as two `npm run worker` processes share a Postgres server: each
 * claims with the same SQL (SKIP LOCKED, a lease that runs out), here on one PGlite in one process.
 */
let database: Database;
let doctor: Principal<"staff">;
let avatarId: string;
const book = () => new LeaseBook({ ingestion: releaseDocument, simulation: releaseRun, notifications: releaseNotification });

beforeAll(async () => {
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  avatarId = (await createAvatar(database.db, doctor, testAvatarProfile("Dr. Lease"))).id;
});
afterAll(() => database?.close());

const paste = async (title: string) =>
  (await pasteDocument(database.db, doctor, { avatarId, title, text: `# ${title}\n\n${title} advice for patients, in one short paragraph.` }, { maxBytes: 1 << 20 })).document.id;
const row = async (id: string) => (await database.db.select().from(documents).where(eq(documents.id, id)))[0]!;

/** The offline embedder, counting documents it embedded for, and yielding between calls so both loops interleave. */
function countingEmbedder(): Embedder & { calls: number } {
  const inner = createOfflineEmbedder();
  const e = {
    id: inner.id,
    dimensions: inner.dimensions,
    calls: 0,
    embed: async (texts: string[]) => {
      e.calls += 1;
      await nextTurn();
      return inner.embed(texts);
    },
  };
  return e;
}

/** An embedder that never answers, like an endpoint that hangs: its job stays claimed. */
function hangingEmbedder(): Embedder & { asked: Promise<void> } {
  let asked = () => {};
  const inner = createOfflineEmbedder();
  return { id: inner.id, dimensions: inner.dimensions, asked: new Promise<void>((r) => (asked = r)), embed: () => (asked(), new Promise<number[][]>(() => {})) };
}

describe("two workers on one database", () => {
  it("run each queued document exactly once between them", async () => {
    const ids = await Promise.all(["Salt", "Sleep", "Walking", "Water", "Sugar", "Smoking"].map(paste));
    const [a, b] = [book(), book()];
    const [doneA, doneB] = await Promise.all([drainIngestionQueue(database.db, countingEmbedder(), a), drainIngestionQueue(database.db, countingEmbedder(), b)]);
    expect(doneA + doneB).toBe(ids.length);
    expect(doneA).toBeGreaterThan(0);
    expect(doneB).toBeGreaterThan(0);
    const rows = await database.db.select({ status: documents.status, attempts: documents.attempts }).from(documents).where(inArray(documents.id, ids));
    // One attempt each: no document was claimed by both.
    expect(rows).toEqual(ids.map(() => ({ status: "ready", attempts: 1 })));
    expect(a.holding()).toEqual([]);
    expect(b.holding()).toEqual([]);
  });

  it("take over a job whose worker died once its lease runs out, and not before", async () => {
    const id = await paste("Stairs");
    // Worker A claims it and dies (its process is gone: nothing renews the lease).
    expect(await claimNextDocument(database.db)).toBe(id);
    const b = book();
    expect(await drainIngestionQueue(database.db, createOfflineEmbedder(), b)).toBe(0);
    expect((await row(id)).status).toBe("processing");
    await database.db.update(documents).set({ updatedAt: sql`now() - make_interval(secs => ${LEASE_SECONDS + 1})` }).where(eq(documents.id, id));
    expect(await drainIngestionQueue(database.db, createOfflineEmbedder(), b)).toBe(1);
    expect(await row(id)).toMatchObject({ status: "ready", attempts: 2 });
  });

  it("a worker that stops hands its job back at once, and another worker runs it without the lost attempt counting", async () => {
    const id = await paste("Stretching");
    const a = book();
    const hanging = hangingEmbedder();
    void drainIngestionQueue(database.db, hanging, a);
    await hanging.asked; // worker A is embedding the document, its lease held
    expect(a.holding()).toEqual([{ queue: "ingestion", id, attempts: 1 }]);
    expect(await row(id)).toMatchObject({ status: "processing", attempts: 1 });

    a.stop(); // SIGTERM: no new claim; after the grace period the job goes back
    expect(await a.releaseAll(database.db)).toBe(1);
    expect(await row(id)).toMatchObject({ status: "queued", attempts: 0 });
    expect(a.holding()).toEqual([]);

    expect(await drainIngestionQueue(database.db, createOfflineEmbedder(), book())).toBe(1);
    expect(await row(id)).toMatchObject({ status: "ready", attempts: 1 });
  });

  it("never hands back a job another worker has taken over since", async () => {
    const id = await paste("Posture");
    expect(await claimNextDocument(database.db)).toBe(id); // worker A's attempt 1, then its lease runs out
    await database.db.update(documents).set({ updatedAt: sql`now() - make_interval(secs => ${LEASE_SECONDS + 1})` }).where(eq(documents.id, id));
    expect(await claimNextDocument(database.db)).toBe(id); // worker B's attempt 2
    expect(await releaseDocument(database.db, { queue: "ingestion", id, attempts: 1 })).toBe(false);
    expect(await row(id)).toMatchObject({ status: "processing", attempts: 2 });
  });

  it("a stopped worker claims nothing", async () => {
    const id = await paste("Breathing");
    const a = book();
    a.stop();
    expect(await drainIngestionQueue(database.db, createOfflineEmbedder(), a)).toBe(0);
    expect((await row(id)).status).toBe("queued");
  });
});

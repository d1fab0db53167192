import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { createTestDatabase } from "@/server/test/db";
import { postgresBinaries, startPostgres } from "@/server/test/postgres-server";
import { announceEscalationChange, escalationEventStream } from "./escalation.events";

/** Reads a server-sent-events stream until an "escalations" event arrives; returns everything read. */
async function untilEscalationEvent(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes("event: escalations\n")) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`The stream ended before the event; it sent: ${JSON.stringify(text)}`);
    text += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
  return text;
}

/** Instance A raises (announces) an escalation; instance B's crisis-inbox stream for that organization hears it. */
async function crossInstance(a: Database, b: Database) {
  const orgId = crypto.randomUUID();
  const stop = new AbortController();
  const stream = escalationEventStream(b, orgId, stop.signal);
  const reader = stream.getReader();
  // The stream's first bytes (the retry hint) come after its LISTEN is in place.
  const first = new TextDecoder().decode((await reader.read()).value);
  expect(first).toBe("retry: 3000\n\n");
  reader.releaseLock();
  const started = performance.now();
  await announceEscalationChange(a.db, crypto.randomUUID()); // another organization's change is not sent
  await announceEscalationChange(a.db, orgId);
  const text = await untilEscalationEvent(stream);
  const ms = performance.now() - started;
  stop.abort();
  expect(text).toBe("event: escalations\ndata: changed\n\n");
  return ms;
}

describe("the escalation bus on the embedded engine (one process)", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  it("delivers a change to the stream of the same instance (PGlite's in-process LISTEN)", async () => {
    await crossInstance(database, database);
  });
});

const bin = postgresBinaries();

// Debian's postgresql-15 (installed by .ci/run): two connection pools to one server, as two app instances.
describe.skipIf(!bin)("the escalation bus on a Postgres server (two instances)", () => {
  let server: Awaited<ReturnType<typeof startPostgres>>;
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    server = await startPostgres(bin!);
    // No pgvector on this server, so no migrations: the bus needs no table.
    a = await openDatabase({ url: server.url, migrate: false });
    b = await openDatabase({ url: server.url, migrate: false });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.stop();
  });

  it("an escalation announced through instance A reaches instance B's crisis-inbox stream over LISTEN/NOTIFY", async () => {
    const ms = await crossInstance(a, b);
    console.info(`escalation bus: A -> B over Postgres LISTEN/NOTIFY in ${ms.toFixed(1)} ms`);
  });

  it("holds the notification until A's transaction commits, and drops it on rollback", async () => {
    const orgId = crypto.randomUUID();
    const heard: string[] = [];
    const unlisten = await b.listen("fenshen_escalations", (payload) => heard.push(payload));
    await a.db
      .transaction(async (tx) => {
        await announceEscalationChange(tx, `${orgId}-rolled-back`);
        throw new Error("rollback");
      })
      .catch(() => {});
    await a.db.transaction(async (tx) => announceEscalationChange(tx, orgId));
    // B hears the committed one; a sentinel sent after it proves the rolled-back one is not merely late.
    await announceEscalationChange(a.db, "sentinel");
    while (!heard.includes("sentinel")) await new Promise((r) => setImmediate(r));
    await unlisten();
    expect(heard).toEqual([orgId, "sentinel"]);
  });
});

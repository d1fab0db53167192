import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/server/test/db";
import { liveness, readiness } from "./health";
import { escalationEventStream } from "@/server/safety/escalation.events";
import { isDraining, shutdown } from "./shutdown";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe("health endpoints", () => {
  it("ready: the database answers and every migration is applied", async () => {
    const response = await readiness(async () => database);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", engine: "pglite" });
  });

  it("not ready while a migration is missing, nor when the database cannot be reached", async () => {
    const [last] = await database.query<{ id: number; hash: string; created_at: string }>("select id, hash, created_at::text from drizzle.__drizzle_migrations order by id desc limit 1");
    await database.query("delete from drizzle.__drizzle_migrations where id = $1", [last!.id]);
    try {
      const response = await readiness(async () => database);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "migrating" });
    } finally {
      await database.query("insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)", [last!.id, last!.hash, last!.created_at]);
    }
    const down = await readiness(async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    });
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "error", message: "The database is not reachable." });
  });

  it("live checks nothing but the process", async () => {
    expect(liveness().status).toBe(200);
  });
});

describe("graceful shutdown", () => {
  it("fails readiness, ends live streams with a reconnect hint, stops the jobs within the grace period, then closes the database", async () => {
    const order: string[] = [];
    const stream = escalationEventStream(database, crypto.randomUUID(), new AbortController().signal).getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await stream.read()).value)).toBe("retry: 3000\n\n");
    await shutdown({
      graceMs: 50,
      stopJobs: async (graceMs) => {
        order.push(`jobs stopped (grace ${graceMs} ms)`);
        return 1;
      },
      closeDatabase: async () => void order.push("database closed"),
    });
    // The browser is told to come back in a second (to another instance), and the stream ends.
    expect(decoder.decode((await stream.read()).value)).toBe("retry: 1000\n\n");
    expect((await stream.read()).done).toBe(true);
    expect(order).toEqual(["jobs stopped (grace 50 ms)", "database closed"]);
    expect(isDraining()).toBe(true);
    const ready = await readiness(async () => database);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "draining" });
    expect(liveness().status).toBe(200);
    // A stream opened now is ended at once with the same hint.
    const late = escalationEventStream(database, crypto.randomUUID(), new AbortController().signal).getReader();
    expect(decoder.decode((await late.read()).value)).toBe("retry: 1000\n\n");
    expect((await late.read()).done).toBe(true);
  });
});

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, rowsOf } from "./client";
import { PgliteThread } from "./pglite-thread-client";

/** The data-folder engine, whose PGlite runs on a thread of its own, against a real temporary folder. */
const root = fs.mkdtempSync(path.join(os.tmpdir(), "fenshen-pglite-thread-"));
const dataDir = path.join(root, "pglite");
let database: Database;

beforeAll(async () => {
  database = await openDatabase({ dataDir, sharedBuffers: "64MB" });
  await database.query("create table scratch (id int primary key, note text)");
});

afterAll(async () => {
  await database?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const count = async () => (await database.query<{ n: number }>("select count(*)::int as n from scratch"))[0]!.n;

/** Opens the folder from another process, as a second app server would; resolves to what it printed. */
function openFromAnotherProcess(): Promise<{ code: number | null; output: string }> {
  const script = `
    const { openDatabase } = await import(${JSON.stringify(path.resolve("db/client.ts"))});
    const database = await openDatabase({ dataDir: ${JSON.stringify(dataDir)}, sharedBuffers: "64MB" });
    const [row] = await database.query("select count(*)::int as n from scratch");
    console.log("rows " + row.n);
    await database.close();`;
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

describe("the data-folder engine on its own thread", () => {
  it("returns the same values as PGlite in this thread, for raw queries and drizzle's", async () => {
    const inProcess = await openDatabase({ memory: true });
    try {
      const text = `select $1::int + 1 as n, $2::jsonb as j, '\\x0102'::bytea as b, 9007199254740993::int8 as big,
                      '2026-01-02T03:04:05Z'::timestamptz as ts, array[1, 2] as arr, array[1.5]::numeric[] as nums,
                      '[1,2,3]'::vector as v, null::text as nothing, $3::text as said`;
      const params = [41, JSON.stringify({ a: [1, "二"] }), "你好"];
      const rows = await database.query(text, params);
      expect(rows).toEqual(await inProcess.query(text, params));
      expect(rows[0]).toMatchObject({ n: 42, j: { a: [1, "二"] }, b: new Uint8Array([1, 2]), big: 9007199254740993n, ts: new Date("2026-01-02T03:04:05Z") });

      // drizzle asks for array rows and identity parsers of dates, timestamps and numeric[].
      const query = sql`select ${7}::int as n, '2026-01-02T03:04:05Z'::timestamptz as ts, array[1.5]::numeric[] as nums, now()::date as d`;
      const viaDrizzle = rowsOf<Record<string, unknown>>(await database.db.execute(query));
      expect({ ...viaDrizzle[0], d: null }).toEqual({ ...rowsOf<Record<string, unknown>>(await inProcess.db.execute(query))[0], d: null });
      expect(viaDrizzle[0]).toMatchObject({ n: 7, ts: "2026-01-02 03:04:05+00", nums: "{1.5}" });
    } finally {
      await inProcess.close();
    }
  });

  it("runs a transaction's queries inside it while another query waits, and commits", async () => {
    await database.query("delete from scratch");
    let outside: Promise<number> | undefined;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into scratch values (1, 'committed')`);
      outside = count();
      // The transaction still sees its own row while the other query waits for it.
      expect(rowsOf(await tx.execute(sql`select * from scratch`))).toHaveLength(1);
    });
    // Issued before the commit, the other query ran after it: it sees the row.
    expect(await outside).toBe(1);
  });

  it("rolls back when the callback throws, and a query issued meanwhile never sees its writes", async () => {
    await database.query("delete from scratch");
    let outside: Promise<number> | undefined;
    const failed = await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into scratch values (2, 'rolled back')`);
        outside = count();
        // drizzle's nested transaction is a savepoint: its own failure undoes only its writes.
        await tx.transaction(async (inner) => {
          await inner.execute(sql`insert into scratch values (3, 'inner')`);
          throw new Error("inner failure");
        }).catch(() => {});
        expect(rowsOf(await tx.execute(sql`select id from scratch`))).toEqual([{ id: 2 }]);
        throw new Error("the callback failed");
      })
      .catch((e: unknown) => e);
    expect((failed as Error).message).toBe("the callback failed");
    expect(await outside).toBe(0);
    expect(await count()).toBe(0);
  });

  it("gives the caller a Postgres error's fields, on raw queries and through drizzle", async () => {
    await database.query("delete from scratch");
    await database.query("insert into scratch values (4, 'first')");
    const raw = (await database.query("insert into scratch values (4, 'again')").catch((e: unknown) => e)) as Record<string, unknown>;
    expect(raw).toBeInstanceOf(Error);
    expect(raw).toMatchObject({ code: "23505", constraint: "scratch_pkey", table: "scratch", detail: "Key (id)=(4) already exists." });
    expect(raw.message).toMatch(/duplicate key value violates unique constraint "scratch_pkey"/);

    const wrapped = (await database.db.execute(sql`insert into scratch values (4, 'once more')`).catch((e: unknown) => e)) as Error;
    expect(wrapped.cause).toMatchObject({ code: "23505", constraint: "scratch_pkey" });
  });

  it("forwards NOTIFY payloads to a listener until it unsubscribes", async () => {
    const got: string[] = [];
    const later: string[] = [];
    let heard = () => {};
    const stop = await database.listen("thread_test", (payload) => (got.push(payload), heard()));
    await new Promise<void>((resolve) => ((heard = resolve), void database.query("select pg_notify('thread_test', '第一')")));
    await stop();
    // Notifications arrive in order: once the second channel's has, the first's would have too.
    const stopLater = await database.listen("thread_test_later", (payload) => (later.push(payload), heard()));
    await new Promise<void>((resolve) => {
      heard = resolve;
      void database.query("select pg_notify('thread_test', 'unheard'), pg_notify('thread_test_later', 'heard')");
    });
    await stopLater();
    expect(got).toEqual(["第一"]);
    expect(later).toEqual(["heard"]);
  });

  it("refuses a second process on the folder, and lets one in once closed, with what was committed", async () => {
    await database.query("delete from scratch");
    await database.query("insert into scratch values (5, 'kept')");
    const refused = await openFromAnotherProcess();
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain(`already in use by process ${process.pid}`);

    await database.close();
    expect(fs.existsSync(path.join(dataDir, "fenshen.lock"))).toBe(false);
    const next = await openFromAnotherProcess();
    expect(next.output).toContain("rows 1");
    expect(next.code).toBe(0);
    database = await openDatabase({ dataDir, sharedBuffers: "64MB" });
  }, 120_000);

  it("fails what waits on a thread that stopped, and everything after, instead of hanging", async () => {
    const thread = await PgliteThread.start(path.join(root, "crash"), undefined);
    const waiting = thread.query("select pg_sleep(0.5)").catch((e: unknown) => e);
    // What a crash does to the thread: it ends without answering.
    await (thread as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    expect(await waiting).toMatchObject({ message: expect.stringMatching(/The embedded database's thread stopped/) });
    await expect(thread.query("select 1")).rejects.toThrow(/The embedded database's thread stopped/);
    await thread.close();
  });
});

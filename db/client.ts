import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { PgliteThread } from "./pglite-thread-client";
import * as schema from "./schema";

/** The one query interface services use, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = "pglite" | "postgres";

export interface Database {
  db: Db;
  engine: Engine;
  /** Runs a raw SQL query and returns its rows on either engine. */
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Subscribes to a Postgres NOTIFY channel (real LISTEN on a server, PGlite's in-process equivalent
   * when embedded); resolves to the unsubscribe function.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** The embedded database's files as one tarball (PGlite's dumpDataDir); absent on a Postgres server. */
  dump?: () => Promise<Blob>;
}

export type DatabaseTarget =
  /**
   * poolSize: connections in this process's pool (LISTEN takes one more of its own). migrate: false only
   * for tests of the notification bus on a plain Postgres, which has no pgvector for the migrations.
   */
  | { url: string; poolSize?: number; migrate?: boolean }
  /** sharedBuffers: PGlite's shared_buffers, e.g. "512MB" (its own default, 128MB, holds less than the indexes of ~100k passages). */
  | { dataDir: string; sharedBuffers?: string }
  /** template: a dump of an already-migrated database (PGlite's dumpDataDir) to start from, e.g. in tests. */
  | { memory: true; template?: Blob };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** PGlite is single-process: a second process on the same folder would corrupt it, so refuse clearly. */
function acquireDataDirLock(dir: string): () => void {
  const lockFile = path.join(dir, "fenshen.lock");
  try {
    const holder = Number(fs.readFileSync(lockFile, "utf8"));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The embedded database in ${dir} is already in use by process ${holder}. ` +
          "Stop that process, or point DATA_DIR at another folder.",
      );
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Opens (and migrates) a database: a Postgres server by URL, an embedded PGlite folder, or an in-memory PGlite. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ("url" in target) {
    const client = postgres(target.url, { max: target.poolSize ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    if (target.migrate !== false) {
      try {
        // Several app servers may start at once: only one applies migrations.
        await client`select pg_advisory_lock(72707369)`;
        try {
          await migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await client`select pg_advisory_unlock(72707369)`;
        }
      } catch (e) {
        // A failed open is retried (sharedDatabase): leave no pool behind.
        await client.end({ timeout: 5 });
        throw e;
      }
    }
    return {
      db,
      engine: "postgres",
      query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
        (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
      listen: async (channel, onPayload) => {
        const { unlisten } = await client.listen(channel, onPayload);
        return unlisten;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }

  if ("dataDir" in target) {
    fs.mkdirSync(target.dataDir, { recursive: true });
    const release = acquireDataDirLock(target.dataDir);
    // A start parameter, not ALTER SYSTEM: it wins over postgresql.auto.conf and follows the setting on every start.
    const startParams = target.sharedBuffers ? [...PGlite.defaultStartParams, "-c", `shared_buffers=${target.sharedBuffers}`] : undefined;
    const thread = await PgliteThread.start(path.join(target.dataDir, "pgdata"), startParams).catch((e: unknown) => {
      release();
      throw e;
    });
    // drizzle calls only query and transaction, which PgliteThread has (see there).
    return embeddedDatabase(thread, thread as unknown as PGlite, release);
  }
  // In memory (tests, from a template): in this thread, where a database starts faster.
  const pg = await PGlite.create({ extensions: { vector }, loadDataDir: target.template });
  return embeddedDatabase(pg, pg, () => {});
}

/** What the Database wrapper uses of PGlite, in this thread or on its own (PgliteThread). */
interface EmbeddedClient {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  dumpDataDir(compression: "none"): Promise<Blob>;
  close(): Promise<void>;
}

/** Migrates an embedded database and wraps it; `driver` is the client as drizzle takes it, `release` gives up the data folder. */
async function embeddedDatabase(client: EmbeddedClient, driver: PGlite, release: () => void): Promise<Database> {
  const db = drizzlePglite(driver, { schema }) as unknown as Db;
  try {
    await migratePglite(drizzlePglite(driver), { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (e) {
    // A failed open is retried (sharedDatabase): a second PGlite on the same folder would corrupt it.
    await client.close();
    release();
    throw e;
  }
  return {
    db,
    engine: "pglite",
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    listen: async (channel, onPayload) => {
      const unlisten = await client.listen(channel, onPayload);
      return () => unlisten();
    },
    close: async () => {
      await client.close();
      release();
    },
    dump: () => client.dumpDataDir("none"),
  };
}

/**
 * One database for the whole process, opened on first use. A failed open is not kept: callers until a
 * backoff after it (0.5 s, doubling to 30 s) get its error at once, so a database that is down is not
 * hammered, and the first caller after that tries again.
 */
export function sharedDatabase(open: () => Promise<Database>, now: () => number = Date.now): () => Promise<Database> {
  let opened: Promise<Database> | undefined;
  let failure: { error: unknown; count: number; retryAt: number } | undefined;
  return () => {
    if (opened) return opened;
    if (failure && now() < failure.retryAt) return Promise.reject(failure.error);
    const attempt = open().then(
      (database) => {
        failure = undefined;
        return database;
      },
      (error: unknown) => {
        opened = undefined;
        const count = (failure?.count ?? 0) + 1;
        failure = { error, count, retryAt: now() + Math.min(30_000, 500 * 2 ** (count - 1)) };
        throw error;
      },
    );
    opened = attempt;
    return attempt;
  };
}

/** The rows of a `db.execute()` result: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** How many migrations the code ships and how many the database has applied. */
export async function getMigrationState(database: Database): Promise<{ applied: number; total: number }> {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  const rows = await database.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
  return { applied: rows[0]?.n ?? 0, total: journal.entries.length };
}

import path from "node:path";
import { Worker } from "node:worker_threads";
import type { QueryOptions, Results } from "@electric-sql/pglite";

/**
 * The embedded database of a data folder, run by PGlite on a thread of its own (db/pglite-thread.mjs):
 * in the app's thread every query's WASM work and row parsing held the event loop, so one process served
 * about 32 chat turns/s; on its own thread the database and the app's JavaScript run side by side.
 *
 * PgliteThread is the part of PGlite's interface that drizzle-orm/pglite (query with rowMode and
 * parsers, transaction), its migrator (the same two) and the Database wrapper (query, listen,
 * dumpDataDir, close) use. PGlite's own PGliteWorker is built for browser workers (leader election over
 * Web Locks and BroadcastChannel; Node 20 has no navigator.locks), and @electric-sql/pglite-socket
 * serves one connection at a time over a socket, holding PGlite exclusively while it is attached.
 */
export const PGLITE_THREAD_FILE = path.join(process.cwd(), "db", "pglite-thread.mjs");

/** The part of PGlite's transaction drizzle uses. */
export interface PgliteThreadTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  readonly closed: boolean;
}

type Request =
  | { op: "query"; sql: string; params: unknown[]; options?: ThreadQueryOptions; tx?: number }
  | { op: "exec"; sql: string; tx?: number }
  | { op: "begin" }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "listen"; channel: string; listener: number }
  | { op: "unlisten"; listener: number }
  | { op: "dump" }
  | { op: "close" };

/** Parsers are functions, which cannot cross threads: drizzle's are all identity, sent as their type OIDs. */
interface ThreadQueryOptions {
  rowMode?: QueryOptions["rowMode"];
  identityParsers?: number[];
}

interface ErrorData {
  message: string;
  name: string;
  stack?: string;
  fields: Record<string, unknown>;
}

type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ErrorData }
  | { notify: number; payload: string }
  | { ready: true }
  | { ready: false; error: ErrorData };

/** A Postgres error as the caller would have had it in-process: its message and fields (code, constraint, detail...). */
function toError(data: ErrorData): Error {
  const error = Object.assign(new Error(data.message), data.fields);
  error.name = data.name;
  if (data.stack) error.stack = data.stack;
  return error;
}

const PROBE = "\u0000probe";

function threadOptions(options: QueryOptions | undefined): ThreadQueryOptions | undefined {
  if (!options) return undefined;
  for (const key of Object.keys(options)) {
    if (key !== "rowMode" && key !== "parsers") throw new Error(`The embedded database's thread does not take the query option "${key}".`);
  }
  const identityParsers = Object.entries(options.parsers ?? {}).map(([oid, parse]) => {
    if (parse(PROBE) !== PROBE) throw new Error(`The embedded database's thread takes only identity parsers; the one for type ${oid} is not.`);
    return Number(oid);
  });
  return { rowMode: options.rowMode, identityParsers };
}

export class PgliteThread {
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Map<number, (payload: string) => void>();
  private lastId = 0;
  /** Set once the thread has stopped (crashed or closed): every later request fails with it. */
  private stopped: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: Reply) => {
      if ("notify" in reply) return this.listeners.get(reply.notify)?.(reply.payload);
      if (!("id" in reply)) return;
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.settled(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(toError(reply.error));
    });
    worker.on("error", (e) => this.stop(new Error(`The embedded database's thread failed: ${e.message}`, { cause: e })));
    worker.on("messageerror", (e) => this.stop(new Error(`The embedded database's thread sent a message that could not be read: ${e.message}`, { cause: e })));
    worker.on("exit", (code) => this.stop(new Error(`The embedded database's thread stopped (exit code ${code}).`)));
  }

  /** Starts the thread and opens the data folder in it; rejects with PGlite's error if it cannot be opened. */
  static async start(dataDir: string, startParams: string[] | undefined): Promise<PgliteThread> {
    // The thread inherits the process's flags (a profiler's among them), except one that applies to
    // `node -e` input only and makes a thread started from a file fail.
    const execArgv = process.execArgv.filter((arg) => !arg.startsWith("--input-type"));
    const worker = new Worker(PGLITE_THREAD_FILE, { workerData: { dataDir, startParams }, execArgv });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        if (!("ready" in reply)) return;
        done();
        if (reply.ready) resolve();
        else reject(toError(reply.error));
      };
      const onError = (e: Error) => (done(), reject(e));
      const onExit = (code: number) => (done(), reject(new Error(`The embedded database's thread stopped while opening ${dataDir} (exit code ${code}).`)));
      const done = () => worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    }).catch(async (e: unknown) => {
      await worker.terminate();
      throw e;
    });
    // Like PGlite in-process, an open database does not keep the process alive: only requests under way do.
    worker.unref();
    return new PgliteThread(worker);
  }

  private request(request: Request): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private settled(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  /** The thread is gone: what waits for it fails rather than hangs. */
  private stop(error: Error): void {
    this.stopped ??= error;
    for (const [id, waiting] of this.pending) {
      this.settled(id);
      waiting.reject(this.stopped);
    }
  }

  query<T>(sql: string, params: unknown[] = [], options?: QueryOptions, tx?: number): Promise<Results<T>> {
    return this.request({ op: "query", sql, params, options: threadOptions(options), tx }) as Promise<Results<T>>;
  }

  exec(sql: string, tx?: number): Promise<Results[]> {
    return this.request({ op: "exec", sql, tx }) as Promise<Results[]>;
  }

  /**
   * Runs `fn` in a transaction held open on the thread: its queries run inside it while others wait
   * behind PGlite's own lock there, as in-process. It commits when `fn` resolves and rolls back when it throws.
   */
  async transaction<T>(fn: (tx: PgliteThreadTransaction) => Promise<T>): Promise<T> {
    const id = (await this.request({ op: "begin" })) as number;
    let closed = false;
    const open = () => {
      if (closed) throw new Error("Transaction is closed");
    };
    const tx: PgliteThreadTransaction = {
      query: async (sql, params, options) => (open(), this.query(sql, params, options, id)),
      exec: async (sql) => (open(), this.exec(sql, id)),
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (e) {
      closed = true;
      await this.request({ op: "end", tx: id, commit: false });
      throw e;
    }
    closed = true;
    await this.request({ op: "end", tx: id, commit: true });
    return result;
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    const listener = ++this.lastId;
    this.listeners.set(listener, onPayload);
    try {
      await this.request({ op: "listen", channel, listener });
    } catch (e) {
      this.listeners.delete(listener);
      throw e;
    }
    return async () => {
      this.listeners.delete(listener);
      await this.request({ op: "unlisten", listener });
    };
  }

  /** An uncompressed tarball of the data folder, as PGlite's dumpDataDir("none"). */
  async dumpDataDir(_compression: "none"): Promise<Blob> {
    return new Blob([(await this.request({ op: "dump" })) as ArrayBuffer]);
  }

  /** Closes the database (PGlite writes its files) and ends the thread; a thread that already stopped has nothing to close. */
  async close(): Promise<void> {
    if (!this.stopped) await this.request({ op: "close" });
    this.stopped ??= new Error("The embedded database is closed.");
    await this.worker.terminate();
  }
}

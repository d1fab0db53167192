// The embedded database's own thread: owns the PGlite instance of one data folder and serves the
// requests of db/pglite-thread-client.ts (the protocol's types are there). A plain .mjs loaded by path,
// so `next start`, `next dev`, tsx scripts, Vitest and the container's standalone server all start it
// the same way, without a bundler or a TypeScript loader in between.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";

const port = parentPort;
/** @type {PGlite} */
let pg;
/** Open transactions by id: PGlite's transaction object and how to end it. */
const transactions = new Map();
/** Unsubscribe functions of LISTEN subscriptions by id. */
const listeners = new Map();
/** Thrown inside pg.transaction so PGlite rolls back: the main thread's callback failed. */
const rollback = Symbol("rollback");
const identity = (value) => value;

/** A Postgres error's fields (code, constraint, detail...) travel as plain data; functions cannot cross threads. */
function errorData(e) {
  if (!(e instanceof Error)) return { message: String(e), name: "Error", fields: {} };
  const fields = {};
  for (const [key, value] of Object.entries(e)) {
    if (key !== "queryOptions" && typeof value !== "function") fields[key] = value;
  }
  return { message: e.message, name: e.name, stack: e.stack, fields };
}

/** drizzle's parsers are identity functions: the main thread sends their type OIDs only. */
function queryOptions(options) {
  if (!options) return undefined;
  const parsers = options.identityParsers ? Object.fromEntries(options.identityParsers.map((oid) => [oid, identity])) : undefined;
  return { rowMode: options.rowMode, parsers };
}

function target(txId) {
  if (txId === undefined) return pg;
  const tx = transactions.get(txId);
  if (!tx) throw new Error(`Transaction ${txId} is closed.`);
  return tx.client;
}

/** Opens a transaction and holds it (and with it PGlite's lock: other queries wait) until `end` arrives. */
function begin(id) {
  const txId = id;
  let end;
  const decided = new Promise((resolve) => (end = resolve));
  let began = false;
  const done = pg.transaction(async (client) => {
    began = true;
    transactions.set(txId, { client, end, done });
    port.postMessage({ id, ok: true, value: txId });
    if (!(await decided)) throw rollback;
  });
  done.then(
    () => transactions.delete(txId),
    (e) => {
      transactions.delete(txId);
      // BEGIN itself failed: the request that asked for it gets the error.
      if (!began) port.postMessage({ id, ok: false, error: errorData(e) });
    },
  );
}

const handlers = {
  query: ({ sql, params, options, tx }) => target(tx).query(sql, params, queryOptions(options)),
  exec: ({ sql, tx }) => target(tx).exec(sql),
  end: async ({ tx, commit }) => {
    const open = transactions.get(tx);
    if (!open) throw new Error(`Transaction ${tx} is closed.`);
    open.end(commit);
    try {
      await open.done;
    } catch (e) {
      if (e !== rollback) throw e;
    }
  },
  listen: async ({ channel, listener }) => {
    listeners.set(listener, await pg.listen(channel, (payload) => port.postMessage({ notify: listener, payload })));
  },
  unlisten: async ({ listener }) => {
    const unlisten = listeners.get(listener);
    listeners.delete(listener);
    await unlisten?.();
  },
  dump: async () => {
    const buffer = await (await pg.dumpDataDir("none")).arrayBuffer();
    return { value: buffer, transfer: [buffer] };
  },
  close: () => pg.close(),
};

port.on("message", async (request) => {
  if (request.op === "begin") return begin(request.id);
  try {
    const result = await handlers[request.op](request);
    if (request.op === "dump") port.postMessage({ id: request.id, ok: true, value: result.value }, result.transfer);
    else port.postMessage({ id: request.id, ok: true, value: result });
  } catch (e) {
    port.postMessage({ id: request.id, ok: false, error: errorData(e) });
  }
});

try {
  pg = await PGlite.create(workerData.dataDir, { extensions: { vector }, startParams: workerData.startParams });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ ready: false, error: errorData(e) });
}

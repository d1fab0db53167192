/**
 * The ingestion worker thread: prepares one document at a time (prepare.ts) for the main process, which
 * writes it to the database. Started by ingest-worker.ts, with limits on its memory and time.
 */
import { parentPort } from "node:worker_threads";
import { isAppError } from "@/server/lib/errors";
import { type PrepareInput, prepareDocument } from "./prepare";

export type WorkerReply =
  | { ok: true; prepared: Awaited<ReturnType<typeof prepareDocument>> }
  /** appError: bad content, whose message is for the doctor; otherwise an internal failure (retried). */
  | { ok: false; appError: boolean; message: string; stack?: string };

const port = parentPort!;
port.on("message", async (input: PrepareInput) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, prepared: await prepareDocument(input) };
  } catch (e) {
    reply = { ok: false, appError: isAppError(e), message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
  }
  port.postMessage(reply, reply.ok && reply.prepared.vectors ? [reply.prepared.vectors.buffer as ArrayBuffer] : []);
});

/**
 * The ingestion worker thread: checks an upload (checkDocument) or prepares a document (prepare.ts) for
 * the main process, one request at a time. Started by ingest-worker.ts, with limits on its memory and time.
 */
import { parentPort } from "node:worker_threads";
import { isAppError } from "@/server/lib/errors";
import { checkDocument } from "./parse";
import { type PrepareInput, type PreparedDocument, prepareDocument } from "./prepare";

export type WorkerRequest = { kind: "check"; input: Pick<PrepareInput, "bytes" | "format" | "limits"> } | { kind: "prepare"; input: PrepareInput };

export type WorkerReply =
  | { ok: true; prepared: PreparedDocument | null }
  /** appError: bad content, whose message is for the doctor; otherwise an internal failure (retried). */
  | { ok: false; appError: boolean; message: string; stack?: string };

const port = parentPort!;
port.on("message", async (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (request.kind === "check") {
      await checkDocument(request.input.bytes, request.input.format, request.input.limits);
      reply = { ok: true, prepared: null };
    } else reply = { ok: true, prepared: await prepareDocument(request.input) };
  } catch (e) {
    reply = { ok: false, appError: isAppError(e), message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
  }
  port.postMessage(reply, reply.ok && reply.prepared?.vectors ? [reply.prepared.vectors.buffer as ArrayBuffer] : []);
});

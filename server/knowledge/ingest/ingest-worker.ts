/**
 * Runs the upload checks and prepare.ts in a worker thread, so reading and chunking a large or hostile
 * document never holds the event loop that answers patients. The worker has a heap limit (resourceLimits) and each document
 * a wall-clock limit after which the worker is terminated; either failure is that document's error and
 * the next document gets a fresh worker. Upload checks and the job's documents have a worker each, which
 * serves its requests one after another: an upload never waits behind a long document.
 */
import { Worker } from "node:worker_threads";
import { type IngestLimits, ingestLimits, readingLimits } from "@/server/knowledge/limits";
import { AppError } from "@/server/lib/errors";
import type { DocumentFormat } from "./parse";
import type { PrepareInput, PreparedDocument } from "./prepare";
import type { WorkerReply, WorkerRequest } from "./worker-entry";

interface Running {
  worker: Worker;
  memoryMb: number;
}

interface Lane {
  running: Running | null;
  /** Requests are served one at a time: each waits for the one before. */
  queue: Promise<unknown>;
}

const lanes: Record<WorkerRequest["kind"], Lane> = {
  check: { running: null, queue: Promise.resolve() },
  prepare: { running: null, queue: Promise.resolve() },
};

/**
 * Under Next (next dev, next start) Turbopack compiles the entry into a chunk of its own and rewrites
 * this `new Worker(new URL(...))` to start it. Elsewhere (Vitest, tsx scripts) the entry is TypeScript:
 * the worker registers tsx's loader first (an --import flag in the worker's execArgv does not reach its
 * entry module on Node 20). import.meta.url cannot tell the two apart: Turbopack keeps the source's.
 */
function spawn(resourceLimits: { maxOldGenerationSizeMb: number }): Worker {
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./worker-entry.ts", import.meta.url), { resourceLimits });
  const entry = import.meta.url.replace(/ingest-worker\.ts$/, "worker-entry.ts");
  return new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, { eval: true, resourceLimits });
}

function startWorker(memoryMb: number): Running {
  const worker = spawn({ maxOldGenerationSizeMb: memoryMb });
  worker.unref();
  return { worker, memoryMb };
}

function stopWorker(lane: Lane): void {
  void lane.running?.worker.terminate();
  lane.running = null;
}

const timeoutError = (limits: IngestLimits) =>
  new AppError(
    "bad_request",
    `Reading this document took longer than ${limits.timeoutMs / 1000} s, the limit for one document, so it was stopped. Split it into smaller files and upload those.`,
  );

const memoryError = (limits: IngestLimits) =>
  new AppError(
    "bad_request",
    `Reading this document needed more than ${limits.workerMemoryMb} MB of memory, the limit for one document, so it was stopped. Split it into smaller files, or save it again from the program that made it, and upload that.`,
  );

function runNow(lane: Lane, request: WorkerRequest, limits: IngestLimits): Promise<PreparedDocument | null> {
  if (lane.running && lane.running.memoryMb !== limits.workerMemoryMb) stopWorker(lane);
  const current = (lane.running ??= startWorker(limits.workerMemoryMb));
  const { worker } = current;
  return new Promise<PreparedDocument | null>((resolve, reject) => {
    const settle = (outcome: () => void, keepWorker: boolean) => {
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (keepWorker) worker.unref();
      else if (lane.running === current) stopWorker(lane);
      outcome();
    };
    const onMessage = (reply: WorkerReply) => {
      if (reply.ok) return settle(() => resolve(reply.prepared), true);
      if (reply.appError) return settle(() => reject(new AppError("bad_request", reply.message)), true);
      const error = new Error(`The ingestion worker failed: ${reply.message}`);
      if (reply.stack) error.stack = reply.stack;
      settle(() => reject(error), true);
    };
    const onError = (e: Error & { code?: string }) =>
      settle(() => reject(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? memoryError(limits) : new Error("The ingestion worker crashed.", { cause: e })), false);
    const onExit = (code: number) => settle(() => reject(new Error(`The ingestion worker exited (code ${code}) before finishing the document.`)), false);
    const timer = setTimeout(() => settle(() => reject(timeoutError(limits)), false), limits.timeoutMs);
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.ref();
    worker.postMessage(request, [request.input.bytes.buffer as ArrayBuffer]);
  });
}

/** A copy crosses to the worker: the caller keeps its bytes (a replacement stores them). */
const copyOf = (bytes: Uint8Array) => bytes.slice();

function run(request: WorkerRequest, limits: IngestLimits): Promise<PreparedDocument | null> {
  const lane = lanes[request.kind];
  const result = lane.queue.then(() => runNow(lane, request, limits));
  lane.queue = result.catch(() => {});
  return result;
}

/**
 * Parses, chunks and (offline) embeds one document in the ingestion worker. Content that cannot be
 * indexed, a document over the time or memory limit, reject with an AppError naming the problem.
 */
export async function prepareInWorker(input: Omit<PrepareInput, "limits">, limits: IngestLimits = ingestLimits()): Promise<PreparedDocument> {
  return (await run({ kind: "prepare", input: { ...input, bytes: copyOf(input.bytes), limits: readingLimits(limits) } }, limits))!;
}

/** The upload-time checks (checkDocument) in the ingestion worker, under the same limits. */
export async function checkInWorker(bytes: Uint8Array, format: DocumentFormat, limits: IngestLimits = ingestLimits()): Promise<void> {
  await run({ kind: "check", input: { bytes: copyOf(bytes), format, limits: readingLimits(limits) } }, limits);
}

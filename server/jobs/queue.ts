/**
 * Telling the background jobs that work is waiting. The work itself is queued by the caller's own insert
 * (a document, a notification, a run); a kick only shortens the wait. This file knows no job's handler:
 * the worker (server/worker/runner.ts) imports the handlers and serves their queues, so a service that
 * queues work never imports the code that does it.
 */
import { getDatabase } from "@/server/db";
import { logError } from "@/server/lib/log";

/** NOTIFY channel on which app instances wake the worker process; the payload is a queue's name. */
export const JOBS_CHANNEL = "fenshen_jobs";

export type Queue = "ingestion" | "notifications" | "escalations" | "retention" | "simulation";

// On globalThis, like the worker's own state: Next.js loads the worker (instrumentation) and the routes
// that kick it as separate module graphs of one process.
const state = globalThis as unknown as { fenshenQueueKicks?: Record<Queue, () => void> };

/** Called once by the worker module: from then on a kick in this process reaches its drains. */
export function serveQueues(kicks: Record<Queue, () => void>): void {
  state.fenshenQueueKicks = kicks;
}

/**
 * `queue` has work now: its drain runs at once where this process serves the queues, and the worker
 * processes are woken through the database otherwise (they also poll, so a lost wake-up only delays it).
 */
export function kick(queue: Queue): void {
  const served = state.fenshenQueueKicks?.[queue];
  if (served) served();
  else void wakeWorkers(queue);
}

/** Tells the worker processes that `queue` has work now. */
export async function wakeWorkers(queue: Queue): Promise<void> {
  try {
    await (await getDatabase()).query("select pg_notify($1, $2)", [JOBS_CHANNEL, queue]);
  } catch (e) {
    logError("waking the worker", e, { queue });
  }
}

import { setTimeout as sleep } from "node:timers/promises";
import { getDatabase } from "@/server/db";
import { getConfig } from "@/server/env";
import { retryPendingEscalations } from "@/server/chat/crisis-turn";
import { purgeExpiredConversations } from "@/server/governance/retention";
import { drainIngestionQueue, releaseDocument } from "@/server/jobs/ingest";
import { LeaseBook } from "@/server/jobs/leases";
import { JOBS_CHANNEL, type Queue, serveQueues, wakeWorkers } from "@/server/jobs/queue";
import { reindexForEmbedder } from "@/server/jobs/reindex";
import { getEmbedder } from "@/server/knowledge/embed";
import { logError, logInfo } from "@/server/lib/log";
import { metrics } from "@/server/lib/metrics";
import { purgeExpiredCounters } from "@/server/limits/rate-limit";
import { getChatModel } from "@/server/llm/model";
import { shutdown } from "@/server/ops/shutdown";
import { getNotifyTransports } from "@/server/safety/notify/transports";
import { deliverDueNotifications, releaseNotification } from "@/server/safety/notify/deliver";
import { drainSimulationRuns, releaseRun } from "@/server/simulation/run-queue";

/**
 * The background worker: the registry of job handlers, each queue's drain, and the process's start and
 * stop. Services queue work and kick it through server/jobs/queue.ts, which knows none of this.
 */

interface Drain {
  running: Promise<void> | null;
  again: boolean;
}

/** The background worker of this process, when it runs one (in-process on the embedded engine, or `npm run worker`). */
interface Runner {
  leases: LeaseBook;
  timers: NodeJS.Timeout[];
  unlisten: () => Promise<void>;
}

const state = globalThis as unknown as { fenshenDrains?: Partial<Record<Queue, Drain>>; fenshenRunner?: Runner };

/** Created on first use, so a process that only queues work never builds one. */
const leaseBook = () => new LeaseBook({ ingestion: releaseDocument, simulation: releaseRun, notifications: releaseNotification });
let pendingLeases: LeaseBook | undefined;
function leases(): LeaseBook {
  return state.fenshenRunner?.leases ?? (pendingLeases ??= leaseBook());
}

/**
 * Whether kicks run here: yes in a worker (and in-process, the default); an app instance with
 * JOBS_IN_PROCESS=false only wakes the worker process through the database.
 */
function runsJobsHere(): boolean {
  return Boolean(state.fenshenRunner) || getConfig().JOBS_IN_PROCESS;
}

/** A queue drain that runs once at a time; a wake-up during a run schedules one more run. */
function drain(queue: Queue, run: (book: LeaseBook) => Promise<unknown>): () => void {
  return () => {
    if (!runsJobsHere()) {
      void wakeWorkers(queue);
      return;
    }
    const book = leases();
    if (book.stopping()) return;
    const drains = (state.fenshenDrains ??= {});
    const d = (drains[queue] ??= { running: null, again: false });
    if (d.running) {
      d.again = true;
      return;
    }
    d.running = (async () => {
      try {
        do {
          d.again = false;
          await run(book);
          metrics().jobRuns.inc({ queue, outcome: "ok" });
        } while (d.again && !book.stopping());
      } catch (e) {
        metrics().jobRuns.inc({ queue, outcome: "error" });
        logError(`${queue} worker`, e);
      } finally {
        d.running = null;
      }
    })();
  };
}

/** Processes queued documents now. */
export const kickIngestion = drain("ingestion", async (book) => {
  const processed = await drainIngestionQueue((await getDatabase()).db, getEmbedder(), book);
  metrics().ingested.inc(processed);
});

/** Delivers due crisis notifications now. */
export const kickNotifications = drain("notifications", async (book) => deliverDueNotifications((await getDatabase()).db, getNotifyTransports(), book));

/** Writes escalations that could not be written with their crisis reply, then delivers their notifications. */
export const kickPendingEscalations = drain("escalations", async () => {
  if ((await retryPendingEscalations((await getDatabase()).db)) > 0) kickNotifications();
});

/** Applies each organization's retention rule now, and forgets the rate-limit counts of finished windows. */
export const kickRetention = drain("retention", async () => {
  const { db } = await getDatabase();
  await purgeExpiredConversations(db);
  await purgeExpiredCounters(db);
});

/** Runs queued virtual-patient consultations now (offline, or with the configured chat model). */
export const kickSimulationRuns = drain("simulation", async (book) =>
  drainSimulationRuns({ db: (await getDatabase()).db, embedder: getEmbedder(), chatModel: getChatModel() }, book),
);

const kicks: Record<Queue, () => void> = {
  ingestion: kickIngestion,
  notifications: kickNotifications,
  escalations: kickPendingEscalations,
  retention: kickRetention,
  simulation: kickSimulationRuns,
};
serveQueues(kicks);

/**
 * Runs the background jobs in this process: resumes work left by a previous process, then polls for
 * work queued by app instances or due for a retry, and wakes at once on their NOTIFY. Queue state lives
 * in the database and every claim is a lease (SKIP LOCKED), so any number of workers can share it.
 */
export async function startBackgroundWorker(): Promise<void> {
  if (state.fenshenRunner) return;
  const database = await getDatabase();
  const runner: Runner = { leases: pendingLeases ?? leaseBook(), timers: [], unlisten: async () => {} };
  pendingLeases = undefined;
  state.fenshenRunner = runner;
  const every = (ms: number, kick: () => void) => {
    const timer = setInterval(kick, ms);
    timer.unref();
    runner.timers.push(timer);
  };
  every(10_000, kickIngestion);
  every(2_000, kickNotifications);
  every(5_000, kickPendingEscalations);
  every(60 * 60_000, kickRetention);
  every(5_000, kickSimulationRuns);
  runner.unlisten = await database.listen(JOBS_CHANNEL, (queue) => kicks[queue as Queue]?.());
  kickSimulationRuns();
  kickNotifications();
  kickPendingEscalations();
  kickRetention();
  // A changed embedder first loads (a bad EMBEDDING_* setting shows here, at start) and re-queues what
  // another embedder indexed; then the queue drains as usual.
  void (async () => {
    try {
      const embedder = getEmbedder();
      await embedder.ready?.();
      await reindexForEmbedder(database.db, embedder);
    } catch (e) {
      logError("embedder start-up", e);
    }
    kickIngestion();
  })();
}

/**
 * Stops this process's background work: no new job is claimed, running ones get `graceMs` to finish,
 * and the documents, simulation runs and crisis notification deliveries still held then go back to
 * their queues at once. Returns how many were released.
 */
export async function stopBackgroundWorker(graceMs: number): Promise<number> {
  const runner = state.fenshenRunner;
  if (!runner) return 0;
  runner.leases.stop();
  for (const t of runner.timers) clearInterval(t);
  await runner.unlisten().catch((e: unknown) => logError("stopping the worker's LISTEN", e));
  const running = Object.values(state.fenshenDrains ?? {}).flatMap((d) => (d?.running ? [d.running] : []));
  const grace = new AbortController();
  await Promise.race([Promise.all(running), sleep(graceMs, undefined, { signal: grace.signal }).catch(() => {})]);
  grace.abort();
  const released = await runner.leases.releaseAll((await getDatabase()).db);
  state.fenshenRunner = undefined;
  if (released > 0) logInfo("released job leases on shutdown", { released });
  return released;
}

/** SIGTERM or SIGINT: the graceful shutdown (server/ops/shutdown.ts), then exit. */
export function onTerminationSignals(beforeExit: () => Promise<void> = async () => {}): void {
  const stop = () =>
    void shutdown({
      graceMs: getConfig().SHUTDOWN_GRACE_MS,
      stopJobs: stopBackgroundWorker,
      closeDatabase: async () => (await getDatabase()).close(),
    })
      .then(beforeExit)
      .finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

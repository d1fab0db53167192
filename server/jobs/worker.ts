import { getDatabase } from "@/server/db";
import { purgeExpiredConversations } from "@/server/governance/retention";
import { getEmbedder } from "@/server/knowledge/embed";
import { purgeExpiredCounters } from "@/server/limits/rate-limit";
import { getNotifyTransports } from "@/server/safety/notify/transports";
import { deliverDueNotifications } from "@/server/safety/notify/deliver";
import { drainIngestionQueue } from "./ingest";
import { reindexForEmbedder } from "./reindex";
import { drainSimulationRuns } from "./simulation";
import { getChatModel } from "@/server/chat/llm/model";
import { logError } from "@/server/lib/log";
import { retryPendingEscalations } from "@/server/chat/crisis-turn";

interface Drain {
  running: boolean;
  again: boolean;
  run: () => Promise<unknown>;
}

const state = globalThis as unknown as { fenshenDrains?: Record<string, Drain>; fenshenTimers?: NodeJS.Timeout[] };

/** A queue drain that runs once at a time; a wake-up during a run schedules one more run. */
function drain(name: string, run: () => Promise<unknown>): () => void {
  return () => {
    const drains = (state.fenshenDrains ??= {});
    const d = (drains[name] ??= { running: false, again: false, run });
    if (d.running) {
      d.again = true;
      return;
    }
    d.running = true;
    void (async () => {
      try {
        do {
          d.again = false;
          await d.run();
        } while (d.again);
      } catch (e) {
        logError(`${name} worker`, e);
      } finally {
        d.running = false;
      }
    })();
  };
}

/** Processes queued documents now. */
export const kickIngestion = drain("ingestion", async () => drainIngestionQueue((await getDatabase()).db, getEmbedder()));

/** Delivers due crisis notifications now. */
export const kickNotifications = drain("notifications", async () => deliverDueNotifications((await getDatabase()).db, getNotifyTransports()));

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
export const kickSimulationRuns = drain("simulation", async () =>
  drainSimulationRuns({ db: (await getDatabase()).db, embedder: getEmbedder(), chatModel: getChatModel() }),
);

/**
 * Resumes work left by a previous process and polls for work queued by other app servers or due
 * for a retry. Queue state lives in Postgres, so any instance can pick up any job.
 */
export function startBackgroundWorker(): void {
  if (state.fenshenTimers) return;
  state.fenshenTimers = [
    setInterval(kickIngestion, 10_000),
    setInterval(kickNotifications, 2_000),
    setInterval(kickPendingEscalations, 5_000),
    setInterval(kickRetention, 60 * 60_000),
  ];
  for (const t of state.fenshenTimers) t.unref();
  // Simulation runs: resumed at start, then polled for runs queued elsewhere or due for a retry.
  state.fenshenTimers.push(setInterval(kickSimulationRuns, 5_000));
  state.fenshenTimers.at(-1)!.unref();
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
      await reindexForEmbedder((await getDatabase()).db, embedder);
    } catch (e) {
      logError("embedder start-up", e);
    }
    kickIngestion();
  })();
}

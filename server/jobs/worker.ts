import { getDatabase } from "@/server/db";
import { getEmbedder } from "@/server/knowledge/embed";
import { drainIngestionQueue } from "./ingest";

const POLL_MS = 10_000;
const state = globalThis as unknown as { fenshenWorker?: { running: boolean; again: boolean; timer?: NodeJS.Timeout } };

/** Starts draining the ingestion queue now, or once more after the current drain if one is running. */
export function kickIngestion(): void {
  const worker = (state.fenshenWorker ??= { running: false, again: false });
  if (worker.running) {
    worker.again = true;
    return;
  }
  worker.running = true;
  void (async () => {
    try {
      do {
        worker.again = false;
        const { db } = await getDatabase();
        await drainIngestionQueue(db, getEmbedder());
      } while (worker.again);
    } catch (e) {
      console.error("[fenshen] ingestion worker", e);
    } finally {
      worker.running = false;
    }
  })();
}

/** Resumes work left by a previous process and polls for work queued by other app servers. */
export function startBackgroundWorker(): void {
  const worker = (state.fenshenWorker ??= { running: false, again: false });
  if (worker.timer) return;
  worker.timer = setInterval(kickIngestion, POLL_MS);
  worker.timer.unref();
  kickIngestion();
}

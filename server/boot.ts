import { getDatabase } from "@/server/db";
import { getConfig } from "@/server/env";
import { onTerminationSignals, startBackgroundWorker } from "@/server/worker/runner";
import { getEmbedder } from "@/server/knowledge/embed";
import { seedDemo } from "@/server/demo/seed";
import { logInfo } from "@/server/lib/log";

/** Runs once when a server process starts: validate config, migrate, seed the demo, resume background work. */
export async function bootstrap(): Promise<void> {
  const config = getConfig();
  const database = await getDatabase();
  if (config.SEED_DEMO && (await seedDemo(database.db, getEmbedder()))) {
    logInfo("seeded the demo hospital: sign in as doctor@fenshen.demo / fenshen-demo");
  }
  // With JOBS_IN_PROCESS=false the worker process (npm run worker) runs them; this instance only queues.
  if (config.JOBS_IN_PROCESS) await startBackgroundWorker();
  // Next.js exits at once on SIGTERM unless told it is handled here (the Dockerfile sets this).
  if (process.env.NEXT_MANUAL_SIG_HANDLE) onTerminationSignals();
  logInfo("ready", { engine: database.engine, jobs: config.JOBS_IN_PROCESS ? "in-process" : "worker process" });
}

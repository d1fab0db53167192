import { getDatabase } from "@/server/db";
import { getConfig } from "@/server/env";
import { startBackgroundWorker } from "@/server/jobs/worker";
import { getEmbedder } from "@/server/knowledge/embed";
import { seedDemo } from "@/server/demo/seed";

/** Runs once when a server process starts: validate config, migrate, seed the demo, resume background work. */
export async function bootstrap(): Promise<void> {
  const config = getConfig();
  const database = await getDatabase();
  if (config.SEED_DEMO && (await seedDemo(database.db, getEmbedder()))) {
    console.log("[fenshen] seeded the demo hospital: sign in as doctor@fenshen.demo / fenshen-demo");
  }
  startBackgroundWorker();
  console.log(`[fenshen] ready on ${database.engine}`);
}

import "server-only";
import path from "node:path";
import { type Database, openDatabase, sharedDatabase } from "@/db/client";
import { getConfig } from "./env";

const globalForDb = globalThis as unknown as { fenshenDatabase?: () => Promise<Database> };

/**
 * The process's database, opened and migrated on first use (retried after a failure, see
 * sharedDatabase). Kept on globalThis because Next.js bundles each route separately: one module copy
 * per route must still share one PGlite instance.
 */
export function getDatabase(): Promise<Database> {
  globalForDb.fenshenDatabase ??= sharedDatabase(async () => {
    const config = getConfig();
    return config.DATABASE_URL
      ? openDatabase({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE })
      : openDatabase({ dataDir: path.resolve(config.DATA_DIR, "pglite"), sharedBuffers: config.PGLITE_SHARED_BUFFERS });
  });
  return globalForDb.fenshenDatabase();
}

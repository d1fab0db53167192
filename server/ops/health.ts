import { type Database, getMigrationState } from "@/db/client";
import { logError } from "@/server/lib/log";
import { isDraining } from "./shutdown";

/**
 * Readiness: this instance should get traffic. Not while it shuts down, not before the database answers
 * and every migration this code ships is applied (another instance may still be applying them).
 */
export async function readiness(database: () => Promise<Database>): Promise<Response> {
  if (isDraining()) return Response.json({ status: "draining" }, { status: 503 });
  try {
    const db = await database();
    const migrations = await getMigrationState(db);
    const ok = migrations.applied === migrations.total;
    return Response.json({ status: ok ? "ok" : "migrating", engine: db.engine, migrations }, { status: ok ? 200 : 503 });
  } catch (e) {
    logError("readiness check failed", e);
    return Response.json({ status: "error", message: "The database is not reachable." }, { status: 503 });
  }
}

/** Liveness: the process answers. It reads nothing, so a database outage does not get every instance restarted. */
export function liveness(): Response {
  return Response.json({ status: isDraining() ? "draining" : "ok" });
}

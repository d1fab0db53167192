// GET /api/health — liveness plus the database engine and migration state (used by Playwright and load balancers).
import { connection } from "next/server";
import { getMigrationState } from "@/db/client";
import { getDatabase } from "@/server/db";
import { logError } from "@/server/lib/log";

export async function GET() {
  await connection();
  try {
    const database = await getDatabase();
    const migrations = await getMigrationState(database);
    const ok = migrations.applied === migrations.total;
    return Response.json({ status: ok ? "ok" : "migrating", engine: database.engine, migrations }, { status: ok ? 200 : 503 });
  } catch (e) {
    logError("health check failed", e);
    return Response.json({ status: "error", message: "The database is not reachable." }, { status: 503 });
  }
}

// GET /api/health/live — 200 while the process answers; checks nothing else (restart on failure, not on a database outage).
import { connection } from "next/server";
import { liveness } from "@/server/ops/health";

export async function GET() {
  await connection();
  return liveness();
}

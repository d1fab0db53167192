// GET /api/health/live — 200 while the process answers; checks nothing else (restart on failure, not on a database outage).
import { connection } from "next/server";
import { withRequestIds } from "@/server/http/request-id";
import { liveness } from "@/server/ops/health";

export const GET = withRequestIds(async () => {
  await connection();
  return liveness();
});

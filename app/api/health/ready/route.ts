// GET /api/health/ready — 200 when this instance should get traffic: the database answers and is migrated, and it is not shutting down.
import { connection } from "next/server";
import { getDatabase } from "@/server/db";
import { withRequestIds } from "@/server/http/request-id";
import { readiness } from "@/server/ops/health";

export const GET = withRequestIds(async () => {
  await connection();
  return readiness(getDatabase);
});

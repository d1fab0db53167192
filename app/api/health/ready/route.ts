// GET /api/health/ready — 200 when this instance should get traffic: the database answers and is migrated, and it is not shutting down.
import { connection } from "next/server";
import { getDatabase } from "@/server/db";
import { readiness } from "@/server/ops/health";

export async function GET() {
  await connection();
  return readiness(getDatabase);
}

// GET /api/health — the readiness check under its first name (used by Playwright); see /api/health/ready.
import { connection } from "next/server";
import { getDatabase } from "@/server/db";
import { readiness } from "@/server/ops/health";

export async function GET() {
  await connection();
  return readiness(getDatabase);
}

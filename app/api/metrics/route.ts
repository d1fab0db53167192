// GET /api/metrics — Prometheus exposition, for a scraper holding METRICS_TOKEN; 404 when no token is configured.
import { connection } from "next/server";
import { getDatabase } from "@/server/db";
import { getConfig } from "@/server/env";
import { metricsResponse } from "@/server/ops/metrics";

export async function GET(request: Request) {
  await connection();
  return metricsResponse(request.headers.get("authorization"), getConfig().METRICS_TOKEN, getDatabase);
}

// GET /api/metrics — Prometheus exposition, for a scraper holding METRICS_TOKEN; 404 when no token is configured.
import { connection } from "next/server";
import { getDatabase } from "@/server/db";
import { getConfig } from "@/server/env";
import { withRequestIds } from "@/server/http/request-id";
import { metricsResponse } from "@/server/lib/metrics";

export const GET = withRequestIds(async (request: Request) => {
  await connection();
  return metricsResponse(request.headers.get("authorization"), getConfig().METRICS_TOKEN, getDatabase);
});

/**
 * `npm run worker`: the background jobs (ingestion, crisis notifications, pending escalations,
 * simulations, retention, re-indexing) in a process of their own, next to app instances started with
 * JOBS_IN_PROCESS=false. Needs DATABASE_URL: the embedded database belongs to one process, whose jobs
 * run in the app. Serves only its Prometheus metrics (WORKER_METRICS_PORT, with METRICS_TOKEN).
 */
import http from "node:http";
import { getDatabase } from "@/server/db";
import { getConfig } from "@/server/env";
import { logError, logInfo } from "@/server/lib/log";
import { metricsResponse } from "@/server/lib/metrics";
import { onTerminationSignals, startBackgroundWorker } from "./runner";

async function main(): Promise<void> {
  const config = getConfig();
  if (!config.DATABASE_URL) {
    throw new Error("npm run worker needs DATABASE_URL (a Postgres server): on the embedded database the app runs its jobs itself.");
  }
  const database = await getDatabase();
  await startBackgroundWorker();
  const server = config.WORKER_METRICS_PORT && config.METRICS_TOKEN ? serveMetrics(config.WORKER_METRICS_PORT, config.METRICS_TOKEN) : null;
  // The worker's timers do not hold the process open (in the app, the HTTP server does): this does until shutdown.
  const alive = setInterval(() => {}, 60_000);
  onTerminationSignals(async () => {
    clearInterval(alive);
    server?.close();
  });
  logInfo("worker ready", { engine: database.engine, metricsPort: server ? config.WORKER_METRICS_PORT : null });
}

function serveMetrics(port: number, token: string): http.Server {
  const server = http.createServer((req, res) => {
    void (async () => {
      const response =
        req.url === "/metrics" && req.method === "GET"
          ? await metricsResponse(req.headers.authorization ?? null, token, getDatabase)
          : Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(await response.text());
    })().catch((e: unknown) => {
      logError("worker metrics", e);
      res.writeHead(500).end();
    });
  });
  return server.listen(port);
}

main().catch((e: unknown) => {
  logError("worker start-up", e);
  process.exit(1);
});

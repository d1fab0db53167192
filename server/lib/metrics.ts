/**
 * Prometheus metrics. Each process counts what it does itself (turn timings, errors, jobs it ran); the
 * queue depths and escalation counts are read from the database at scrape time, so every instance
 * reports the same figures for those (aggregate them with max, not sum).
 */
import { timingSafeEqual } from "node:crypto";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "@/db/client";

/** Seconds buckets from 5 ms to 30 s: a turn's stages are milliseconds, a full answer from a model is seconds. */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "fenshen_process_" });
  const m = {
    registry,
    stage: new Histogram({ name: "fenshen_turn_stage_seconds", help: "Time of each stage of a patient turn (safety, retrieval, compose).", labelNames: ["stage"], buckets: SECONDS, registers: [registry] }),
    firstToken: new Histogram({ name: "fenshen_turn_first_token_seconds", help: "From a patient's message to the answer's first token.", buckets: SECONDS, registers: [registry] }),
    fullAnswer: new Histogram({ name: "fenshen_turn_full_answer_seconds", help: "From a patient's message to the whole answer.", buckets: SECONDS, registers: [registry] }),
    errors: new Counter({ name: "fenshen_errors_total", help: "Errors answered to clients, by code (internal = unexpected).", labelNames: ["code"], registers: [registry] }),
    jobRuns: new Counter({ name: "fenshen_job_runs_total", help: "Background queue drains run by this process, by queue and outcome.", labelNames: ["queue", "outcome"], registers: [registry] }),
    ingested: new Counter({ name: "fenshen_ingested_documents_total", help: "Documents this process took through ingestion (ready or failed).", registers: [registry] }),
    deliveryLag: new Gauge({ name: "fenshen_notification_delivery_lag_seconds", help: "From an escalation's notification being queued to its delivery, over deliveries of the last 15 minutes (by any worker).", labelNames: ["quantile"], registers: [registry] }),
    escalations: new Gauge({ name: "fenshen_escalations", help: "Escalations in the database by category and status; increase() over the sum counts escalations raised.", labelNames: ["category", "status"], registers: [registry] }),
    queueDepth: new Gauge({ name: "fenshen_job_queue_depth", help: "Jobs waiting or running, by queue and status.", labelNames: ["queue", "status"], registers: [registry] }),
    oldestPending: new Gauge({ name: "fenshen_notifications_oldest_pending_seconds", help: "Age of the oldest notification not yet delivered (0 when none): the delivery lag now.", registers: [registry] }),
  };
  return m;
}

type Metrics = ReturnType<typeof createMetrics>;

/** One registry per process: Next.js bundles each route separately, and all must count into the same one. */
const shared = globalThis as unknown as { fenshenMetrics?: Metrics };
export const metrics = (): Metrics => (shared.fenshenMetrics ??= createMetrics());

/** A turn's stage timings in milliseconds, as the engine measures them; the one call the chat engine makes. */
export interface TurnStages {
  safetyMs?: number;
  retrievalMs?: number;
  composeMs?: number;
  firstTokenMs?: number;
  totalMs?: number;
}

export function observeTurn(stages: TurnStages): void {
  const m = metrics();
  for (const [stage, ms] of [["safety", stages.safetyMs], ["retrieval", stages.retrievalMs], ["compose", stages.composeMs]] as const) {
    if (ms !== undefined) m.stage.observe({ stage }, ms / 1000);
  }
  if (stages.firstTokenMs !== undefined) m.firstToken.observe(stages.firstTokenMs / 1000);
  if (stages.totalMs !== undefined) m.fullAnswer.observe(stages.totalMs / 1000);
}

export function countError(code: string): void {
  metrics().errors.inc({ code });
}

/** Reads the shared figures (queues, escalations) from the database into their gauges. */
async function readDatabaseGauges(database: Database): Promise<void> {
  const m = metrics();
  const [escalations, depth, pending, lag] = await Promise.all([
    database.query<{ category: string; status: string; n: number }>("select category::text, status::text, count(*)::int as n from escalations group by 1, 2"),
    database.query<{ queue: string; status: string; n: number }>(
      `select 'ingestion' as queue, status::text, count(*)::int as n from documents where status in ('queued', 'processing') group by 2
       union all select 'simulation', status::text, count(*)::int from simulation_runs where status in ('queued', 'running') group by 2
       union all select 'notifications', status::text, count(*)::int from notifications where status = 'pending' group by 2`,
    ),
    database.query<{ age: number | null }>("select extract(epoch from clock_timestamp() - min(created_at))::float8 as age from notifications where status = 'pending'"),
    database.query<{ p50: number | null; p95: number | null; max: number | null }>(
      `select percentile_cont(0.5) within group (order by s) as p50, percentile_cont(0.95) within group (order by s) as p95, max(s) as max
       from (select extract(epoch from delivered_at - created_at)::float8 as s from notifications
             where status = 'delivered' and delivered_at > clock_timestamp() - interval '15 minutes') d`,
    ),
  ]);
  m.escalations.reset();
  for (const r of escalations) m.escalations.set({ category: r.category, status: r.status }, r.n);
  m.queueDepth.reset();
  for (const queue of ["ingestion", "simulation", "notifications"]) m.queueDepth.set({ queue, status: queue === "notifications" ? "pending" : "queued" }, 0);
  for (const r of depth) m.queueDepth.set({ queue: r.queue, status: r.status }, r.n);
  m.oldestPending.set(Number(pending[0]?.age ?? 0));
  m.deliveryLag.reset();
  for (const [quantile, value] of [["0.5", lag[0]?.p50], ["0.95", lag[0]?.p95], ["1", lag[0]?.max]] as const) {
    if (value !== null && value !== undefined) m.deliveryLag.set({ quantile }, Number(value));
  }
}

/** The exposition text, with the database's figures read now. */
export async function renderMetrics(database: Database): Promise<{ contentType: string; body: string }> {
  await readDatabaseGauges(database);
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}

/**
 * Whether a scrape may read the metrics: "absent" when no METRICS_TOKEN is configured (the endpoint
 * does not exist), "denied" without the right bearer token.
 */
export function metricsAccess(authorization: string | null, token: string | undefined): "ok" | "absent" | "denied" {
  if (!token) return "absent";
  const given = Buffer.from(/^Bearer (.+)$/i.exec(authorization ?? "")?.[1] ?? "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted) ? "ok" : "denied";
}

/** The metrics endpoint's answer (the app's route and the worker's port share it). */
export async function metricsResponse(authorization: string | null, token: string | undefined, database: () => Promise<Database>): Promise<Response> {
  const access = metricsAccess(authorization, token);
  if (access === "absent") return Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
  if (access === "denied") {
    return Response.json(
      { error: { code: "unauthorized", message: "Send the metrics token as Authorization: Bearer <METRICS_TOKEN>." } },
      { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } },
    );
  }
  const { contentType, body } = await renderMetrics(await database());
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}

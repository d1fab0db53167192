/**
 * Patient-chat load benchmark over real HTTP: builds the app (or reuses .next with --reuse-build),
 * starts `next start` on a free port with a fresh embedded database in a temporary DATA_DIR (or on a
 * Postgres server with --database-url, as --instances processes), waits for the demo seed, then drives
 * concurrent patient conversations against POST /api/chat on the demo avatar with the offline
 * composer. The last stdout line is one JSON object.
 *
 *   npm run bench:chat -- [--concurrency 50] [--turns 4] [--requests N | --duration S] [--reuse-build]
 *     [--database-url postgres://… [--instances N]] [--think-ms MS] [--cpu-prof DIR]
 *
 * Default: 50 patients × 5 conversations × 4 turns = 1,000 requests after 20 warm-up requests.
 *
 * Each virtual patient keeps its own cookie (anonymous session) and conversation, and asks `turns`
 * questions one after another, then starts a new conversation; patients run concurrently.
 * Measured per request: time to the first byte of the streamed body (ttfb), time to the first answer
 * text token (ttft), and time to the end of the stream (full). A request is an error when the status
 * is not 200, the stream carries an error part, or it ends without the final `data-done` part.
 * The final part carries the turn's stage timings (safety, retrieval, compose, persist), reported as
 * per-stage percentiles. With --instances, patients are spread over the processes round-robin.
 *
 * `next build` writes .next, which the Playwright run also writes: on a shared machine run this under
 * the same lock, `flock /tmp/fenshen-e2e.lock npm run bench:chat`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { DEMO_AVATAR_SLUG } from "@/server/demo/seed";
import type { TurnTimings } from "@/server/chat/turn-types";
import { parseChatBenchArgs } from "./chat-args";
import { cpuMsOf } from "./process-cpu";
import { percentile } from "./retrieval-metrics";

/** Questions a patient of a cardiologist asks, in both languages, with follow-ups and a few the materials do not cover. */
const QUESTIONS = [
  "What blood pressure counts as high?",
  "How should I measure my blood pressure at home?",
  "How much salt can I eat per day?",
  "Does exercise lower blood pressure?",
  "Can I stop my blood pressure medicine when my readings are normal?",
  "What if I forget a dose of my medicine?",
  "When should I see a doctor about my blood pressure?",
  "Is chest pain that gets worse when I press on it dangerous?",
  "I get a burning feeling after meals, worse lying down. Is it my heart?",
  "Can I drink coffee with high blood pressure?",
  "血压多少算高血压？",
  "在家怎样测血压比较准？",
  "每天吃多少盐合适？",
  "运动能降血压吗？",
  "血压正常了可以停药吗？",
  "降压药忘记吃了怎么办？",
  "什么情况下需要去医院？",
  "胸口按着疼是心脏病吗？",
  "饭后烧心反酸和心脏有关系吗？",
  "推荐一部好看的科幻小说",
];

const args = (() => {
  try {
    return parseChatBenchArgs(process.argv.slice(2));
  } catch (e) {
    // A bad flag is the caller's to fix: its message, not a stack trace.
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  }
})();
const { concurrency, turns, durationMs, totalRequests, warmUp } = args;

const log = (line: string) => process.stdout.write(`${line}\n`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env, stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${argv.join(" ")} exited with ${code}`))));
  });
}

async function waitForReady(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      // Health answers once migrations ran; the demo seed runs in the same start-up hook before any traffic.
      const health = await fetch(`${base}/api/health`);
      if (health.ok) {
        const page = await fetch(`${base}/d/${DEMO_AVATAR_SLUG}`);
        if (page.ok) return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not become ready within 180 s");
}

interface Sample {
  ttfbMs: number;
  ttftMs: number | null;
  fullMs: number;
  error: string | null;
  kind: string | null;
  timings: TurnTimings | null;
}

/** One patient's session: its cookie and current conversation. */
interface Patient {
  cookie: string | null;
  conversationId: string | null;
  turn: number;
}

async function chatTurn(base: string, patient: Patient, message: string): Promise<Sample> {
  const started = performance.now();
  const since = () => Math.round((performance.now() - started) * 10) / 10;
  let ttfbMs = 0;
  let ttftMs: number | null = null;
  try {
    const response = await fetch(`${base}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(patient.cookie ? { cookie: patient.cookie } : {}) },
      body: JSON.stringify({ slug: DEMO_AVATAR_SLUG, message, ...(patient.conversationId ? { conversationId: patient.conversationId } : {}) }),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("fenshen_patient="));
    if (setCookie) patient.cookie = setCookie.split(";")[0]!;
    if (!response.ok || !response.body) {
      const text = await response.text();
      return { ttfbMs: since(), ttftMs: null, fullMs: since(), error: `HTTP ${response.status}: ${text.slice(0, 200)}`, kind: null, timings: null };
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = "";
    let kind: string | null = null;
    let timings: TurnTimings | null = null;
    let error: string | null = null;
    let first = true;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (first) ttfbMs = since();
      first = false;
      buffered += value;
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
        const part = JSON.parse(line.slice(6)) as { type: string; data?: { conversationId?: string; kind?: string; timings?: TurnTimings }; errorText?: string };
        if (part.type === "data-conversation") patient.conversationId = part.data!.conversationId!;
        else if (part.type === "text-delta" && ttftMs === null) ttftMs = since();
        else if (part.type === "data-done") {
          kind = part.data!.kind!;
          timings = part.data!.timings ?? null;
        }
        else if (part.type === "error") error = `stream error: ${part.errorText}`;
      }
    }
    if (!kind && !error) error = "the stream ended without an answer";
    return { ttfbMs, ttftMs, fullMs: since(), error, kind, timings };
  } catch (e) {
    return { ttfbMs: ttfbMs || since(), ttftMs, fullMs: since(), error: e instanceof Error ? e.message : String(e), kind: null, timings: null };
  }
}

function nextQuestion(i: number): string {
  return QUESTIONS[i % QUESTIONS.length]!;
}

/** Patient w talks to instance w mod N throughout, as behind a load balancer with sticky sessions. */
async function drive(bases: string[], count: number, parallel: number, until: number | null): Promise<{ samples: Sample[]; elapsedMs: number }> {
  const samples: Sample[] = [];
  let issued = 0;
  const started = performance.now();
  const worker = async (w: number) => {
    const patient: Patient = { cookie: null, conversationId: null, turn: 0 };
    while (issued < count && (until === null || Date.now() < until)) {
      const i = issued++;
      if (patient.turn === turns) Object.assign(patient, { conversationId: null, turn: 0 });
      patient.turn++;
      samples.push(await chatTurn(bases[w % bases.length]!, patient, nextQuestion(i * 7 + w)));
      if (args.thinkMs > 0) await sleep(args.thinkMs);
    }
  };
  await Promise.all(Array.from({ length: parallel }, (_, w) => worker(w)));
  return { samples, elapsedMs: performance.now() - started };
}

interface Instance {
  base: string;
  server: ChildProcess;
  log: () => string;
}

function startInstance(root: string, port: number, env: NodeJS.ProcessEnv): Instance {
  // Node refuses --cpu-prof in NODE_OPTIONS: it goes on the command line.
  const profile = args.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args.cpuProfDir)}`] : [];
  const server = spawn(process.execPath, [...profile, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let serverLog = "";
  server.stdout!.on("data", (b: Buffer) => (serverLog += b.toString()));
  server.stderr!.on("data", (b: Buffer) => (serverLog += b.toString()));
  return { base: `http://127.0.0.1:${port}`, server, log: () => serverLog };
}

const STAGES = ["safety", "retrieval", "compose", "persist"] as const;

const round = (n: number) => Math.round(n * 10) / 10;

/** p50 and p95 of one stage over the answered turns that have it (a crisis turn skips retrieval and compose). */
function stage(samples: Sample[], name: string, pick: (t: TurnTimings) => number | undefined): Record<string, number | null> {
  const values = samples.flatMap((s) => {
    const v = s.timings ? pick(s.timings) : undefined;
    return v === undefined ? [] : [v];
  });
  values.sort((a, b) => a - b);
  const at = (p: number) => (values.length ? round(percentile(values, p)) : null);
  return { [`${name}_p50_ms`]: at(50), [`${name}_p95_ms`]: at(95) };
}

async function main() {
  const root = process.cwd();
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (!args.reuseBuild) {
    log("building the production app (next build)…");
    await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], env);
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "fenshen-bench-chat-"));
  // Offline composer and embedder, the demo seed: model and database settings of the caller are dropped.
  // The chat rate limits are lifted: this measures how fast the server answers, not where it starts refusing.
  const unlimited = "1000000000/1m";
  const dropped = new Set(["DATABASE_URL", "LLM_BASE_URL", "LLM_MODEL", "LLM_API_KEY", "EMBEDDING_BASE_URL", "EMBEDDING_MODEL", "EMBEDDING_MODEL_PATH"]);
  const serverEnv: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(env).filter(([key]) => !dropped.has(key))),
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    SEED_DEMO: "true",
    RATE_LIMIT_CHAT_CLIENT: unlimited,
    RATE_LIMIT_CHAT_ADDRESS: unlimited,
    RATE_LIMIT_CHAT_AVATAR: unlimited,
  };
  if (args.databaseUrl) {
    serverEnv.DATABASE_URL = args.databaseUrl;
    // App servers on one database must share the secret that signs sessions.
    serverEnv.AUTH_SECRET ??= randomBytes(32).toString("hex");
  }
  const instances: Instance[] = [];
  const stop = () => {
    for (const i of instances) if (i.server.exitCode === null) i.server.kill("SIGTERM");
  };
  process.once("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    const bootStarted = performance.now();
    // The first instance migrates and seeds; the others start once it is ready.
    instances.push(startInstance(root, await freePort(), serverEnv));
    await waitForReady(instances[0]!.base, instances[0]!.server);
    for (let n = 1; n < args.instances; n++) instances.push(startInstance(root, await freePort(), serverEnv));
    await Promise.all(instances.slice(1).map((i) => waitForReady(i.base, i.server)));
    const engine = args.databaseUrl ? "postgres" : "embedded";
    const where = args.databaseUrl ? "on the Postgres server of --database-url" : `fresh embedded database in ${dataDir}`;
    log(`${instances.length} server(s) ready on ${instances.map((i) => i.base).join(", ")} (${where}) after ${((performance.now() - bootStarted) / 1000).toFixed(1)} s`);
    const bases = instances.map((i) => i.base);

    if (warmUp > 0) {
      const warm = await drive(bases, warmUp, Math.min(4, warmUp), null);
      const failed = warm.samples.filter((s) => s.error);
      if (failed.length) throw new Error(`warm-up failed: ${failed[0]!.error}`);
      log(`warm-up: ${warmUp} requests (not counted)`);
    }

    const mode = durationMs ? `${durationMs / 1000} s` : `${totalRequests} requests`;
    log(`driving ${concurrency} concurrent patients, ${turns} turns per conversation, ${mode}${args.thinkMs ? `, ${args.thinkMs} ms between a patient's turns` : ""}…`);
    const serverPids = instances.map((i) => i.server.pid!);
    const cpuBefore = cpuMsOf(serverPids);
    const { samples, elapsedMs } = await drive(bases, totalRequests, concurrency, durationMs ? Date.now() + durationMs : null);
    const cpuAfter = cpuMsOf(serverPids);

    const ok = samples.filter((s) => !s.error);
    const errors = samples.length - ok.length;
    const ttfb = ok.map((s) => s.ttfbMs).sort((a, b) => a - b);
    const ttft = ok.flatMap((s) => (s.ttftMs === null ? [] : [s.ttftMs])).sort((a, b) => a - b);
    const full = ok.map((s) => s.fullMs).sort((a, b) => a - b);
    const kinds = new Map<string, number>();
    for (const s of ok) kinds.set(s.kind!, (kinds.get(s.kind!) ?? 0) + 1);
    // Server-side stages of a turn, from the stream's final part: where a turn's own time goes (not the queue's).
    const stageFigures = Object.assign({}, ...STAGES.map((name) => stage(ok, name, (t) => t[`${name}Ms`]))) as Record<string, number | null>;
    const result = {
      concurrency,
      requests: samples.length,
      throughput_rps: round(samples.length / (elapsedMs / 1000)),
      ttfb_p50_ms: round(percentile(ttfb, 50)),
      ttfb_p95_ms: round(percentile(ttfb, 95)),
      first_token_p50_ms: round(percentile(ttft, 50)),
      first_token_p95_ms: round(percentile(ttft, 95)),
      full_p50_ms: round(percentile(full, 50)),
      full_p95_ms: round(percentile(full, 95)),
      errors,
      // Other processes on the machine slow the server down: the 1-minute load average puts the figures in context.
      load_avg_1m: round(os.loadavg()[0]!),
      instances: instances.length,
      engine,
      think_ms: args.thinkMs,
      ...stageFigures,
      // CPU the app servers spent per request while driving (Linux only): unlike throughput, other load
      // on the machine barely moves it. The database server's own CPU is not in it.
      server_cpu_ms_per_turn: cpuBefore === null || cpuAfter === null ? null : round((cpuAfter - cpuBefore) / samples.length),
    };
    const stages = STAGES.map((name) => `${name} ${stageFigures[`${name}_p50_ms`]}/${stageFigures[`${name}_p95_ms`]}`).join(", ");
    log("");
    log(`requests           ${samples.length} in ${(elapsedMs / 1000).toFixed(1)} s (${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")})`);
    log(`throughput         ${result.throughput_rps} answers/s on ${instances.length} ${engine} instance(s)`);
    log(`first byte         p50 ${result.ttfb_p50_ms} ms, p95 ${result.ttfb_p95_ms} ms`);
    log(`first answer token p50 ${result.first_token_p50_ms} ms, p95 ${result.first_token_p95_ms} ms`);
    log(`full answer        p50 ${result.full_p50_ms} ms, p95 ${result.full_p95_ms} ms`);
    log(`stages p50/p95 ms  ${stages}`);
    log(`server CPU         ${result.server_cpu_ms_per_turn ?? "?"} ms per request (app processes only)`);
    log(`machine load       ${result.load_avg_1m} (1-minute load average on ${os.cpus().length} cores)`);
    log(`errors             ${errors}${errors ? ` (first: ${samples.find((s) => s.error)!.error})` : ""}`);
    log(JSON.stringify(result));
  } catch (e) {
    for (const i of instances) process.stderr.write(`${i.base}:\n${i.log().slice(-4000)}\n`);
    throw e;
  } finally {
    stop();
    await Promise.all(instances.map((i) => new Promise((r) => (i.server.exitCode === null ? i.server.once("exit", r) : r(null)))));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

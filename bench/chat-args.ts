/** bench:chat's command line, parsed and checked before anything is built or started. */
import { parseArgs } from "node:util";

export interface ChatBenchArgs {
  concurrency: number;
  turns: number;
  /** Infinity with --duration. */
  totalRequests: number;
  durationMs: number | null;
  reuseBuild: boolean;
  warmUp: number;
  /** A Postgres server to use instead of a fresh embedded database. */
  databaseUrl: string | null;
  instances: number;
  /** Pause between a patient's turns. */
  thinkMs: number;
  /** Where each server process writes its CPU profile (node --cpu-prof), if anywhere. */
  cpuProfDir: string | null;
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

function nonNegativeInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number of milliseconds (0 or more), got "${value}"`);
  return n;
}

export function parseChatBenchArgs(argv: string[]): ChatBenchArgs {
  const values = parseArgs({
    args: argv,
    options: {
      concurrency: { type: "string", default: "50" },
      turns: { type: "string", default: "4" },
      requests: { type: "string" },
      duration: { type: "string" },
      "reuse-build": { type: "boolean", default: false },
      "warm-up": { type: "string", default: "20" },
      "database-url": { type: "string" },
      instances: { type: "string", default: "1" },
      "think-ms": { type: "string", default: "0" },
      "cpu-prof": { type: "string" },
    },
  }).values;
  const concurrency = positiveInt("concurrency", values.concurrency!);
  const turns = positiveInt("turns", values.turns!);
  const durationMs = values.duration ? positiveInt("duration", values.duration) * 1000 : null;
  const databaseUrl = values["database-url"] ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/./.test(databaseUrl)) {
    throw new Error(`--database-url must be a Postgres URL (postgres://user:password@host:5432/db), got "${databaseUrl}"`);
  }
  const instances = positiveInt("instances", values.instances!);
  if (instances > 1 && databaseUrl === null) {
    throw new Error(
      `--instances ${instances} needs --database-url: the embedded database lives inside one server process, so several instances can only share a Postgres server`,
    );
  }
  return {
    concurrency,
    turns,
    durationMs,
    // By default each patient holds five conversations: sustained load, not only the cold start of 50 new connections.
    totalRequests: durationMs ? Infinity : values.requests ? positiveInt("requests", values.requests) : concurrency * turns * 5,
    reuseBuild: values["reuse-build"]!,
    warmUp: nonNegativeInt("warm-up", values["warm-up"]!),
    databaseUrl,
    instances,
    thinkMs: nonNegativeInt("think-ms", values["think-ms"]!),
    cpuProfDir: values["cpu-prof"] ?? null,
  };
}

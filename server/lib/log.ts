/**
 * The one way to log. Lines are JSON (pino), one per event, with the request id when there is one.
 * Errors carry patients' words where you would not look: Drizzle's
 * query errors hold the query's parameters, Postgres quotes the offending value in its message and
 * detail, the AI SDK's APICallError holds the request body (the prompt) and the response. So this
 * prints only names, codes, statuses, constraint names and messages cut before any parameters with
 * every quoted value masked, for the error and its causes, then the stack's frames and the ids given.
 * Fields are ids and numbers only: no free text goes in besides the fixed `what`.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type DestinationStream, type Logger } from "pino";

type Ids = Record<string, string | number | null | undefined>;

const MAX_MESSAGE = 200;
const MAX_CAUSES = 4;
const MAX_FRAMES = 8;

/**
 * A message without Drizzle's "params:" tail, with quoted values masked, on one line. In Drizzle's
 * "Failed query: <sql>" double quotes are identifiers (values are $1, $2…); elsewhere, as in
 * Postgres's own messages, they may hold a value.
 */
function safeMessage(message: string): string {
  const withoutParams = message.split(/\n\s*params:/)[0]!;
  const quoted = withoutParams.startsWith("Failed query:") ? /'[^']*'/g : /"[^"]*"|'[^']*'|“[^”]*”|‘[^’]*’|「[^」]*」|`[^`]*`/g;
  const masked = withoutParams.replace(quoted, "“…”");
  const line = masked.replace(/\s+/g, " ").trim();
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
}

function field(e: Record<string, unknown>, ...names: string[]): string | number | undefined {
  for (const name of names) {
    const value = e[name];
    if (typeof value === "number" || (typeof value === "string" && value.length <= 100)) return value;
  }
  return undefined;
}

/** One error, safe to print: "Name [code] (status 400) (constraint x): message". */
function describeOne(error: unknown): string {
  if (!(error instanceof Object)) return `a thrown ${typeof error}`; // a thrown string may be anything
  const e = error as Record<string, unknown>;
  // Drizzle's DrizzleQueryError keeps the name "Error": its class says more.
  const name = (typeof e.name === "string" && e.name !== "Error" ? e.name : error.constructor?.name || "Error").slice(0, 60);
  const code = field(e, "code");
  const status = field(e, "statusCode", "status");
  // Identifiers, not values: which constraint, table or column a database error is about.
  const where = ["constraint", "constraint_name", "table", "table_name", "column", "column_name"]
    .map((k) => (typeof e[k] === "string" ? `${k.replace("_name", "")} ${String(e[k]).slice(0, 63)}` : null))
    .filter(Boolean);
  const parts = [name, code !== undefined ? `[${code}]` : "", status !== undefined ? `(status ${status})` : "", where.length ? `(${where.join(", ")})` : ""];
  const message = typeof e.message === "string" ? safeMessage(e.message) : "";
  return `${parts.filter(Boolean).join(" ")}${message ? `: ${message}` : ""}`;
}

/** The next error in the chain: `cause`, or the AI SDK RetryError's `lastError`. */
function causeOf(error: unknown): unknown {
  if (!(error instanceof Object)) return undefined;
  const e = error as { cause?: unknown; lastError?: unknown };
  return e.cause ?? e.lastError;
}

/** A stack line that is a frame ("    at fn (file:///x.ts:1:2)"), not a line of a multi-line message. */
const FRAME = /^\s+at \S.*(:\d+:\d+\)?|\(native\)|\(index \d+\)|<anonymous>\)?)$/;

/** The error and its causes as one safe line, then the first stack frames (file paths and lines only). */
export function describeError(error: unknown): string {
  const chain = [describeOne(error)];
  for (let c = causeOf(error), n = 0; c !== undefined && c !== null && n < MAX_CAUSES; c = causeOf(c), n++) chain.push(describeOne(c));
  const message = error instanceof Error ? error.message : "";
  const stack = error instanceof Error && typeof error.stack === "string" ? error.stack : "";
  // The stack starts with the message itself: frames are read only after it (none if it is not there).
  const at = stack.indexOf(message);
  const frames = (at >= 0 ? stack.slice(at + message.length) : "")
    .split("\n")
    .filter((l) => FRAME.test(l))
    .slice(0, MAX_FRAMES);
  return [chain.join(" ← caused by "), ...frames].join("\n");
}

/** Shared on globalThis: Next.js bundles each route separately, and all must log into one stream with one request context. */
const shared = globalThis as unknown as { fenshenLogger?: Logger; fenshenRequestIds?: AsyncLocalStorage<string> };
const requestIds = (shared.fenshenRequestIds ??= new AsyncLocalStorage<string>());

function createLogger(destination?: DestinationStream): Logger {
  const options = {
    // Read here, not from getConfig(): the logger must work before the configuration is validated (to say
    // it is bad), so an unknown level falls back to info and config validation names it.
    level: process.env.LOG_LEVEL && process.env.LOG_LEVEL in pino.levels.values ? process.env.LOG_LEVEL : "info",
    base: { service: "fenshen", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    // The request id of the work this line belongs to, wherever in the call chain it is logged.
    mixin: () => {
      const requestId = requestIds.getStore();
      return requestId ? { requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

function logger(): Logger {
  return (shared.fenshenLogger ??= createLogger());
}

/** Tests read the lines from their own stream. */
export function setLogDestination(destination: DestinationStream): void {
  shared.fenshenLogger = createLogger(destination);
}

/** A caller's X-Request-Id when it is a plain token (a reverse proxy's, say), else a new one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
}

/** Runs `work` with every line it logs carrying `requestId`. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return requestIds.run(requestId, work);
}

function fields(ids: Ids): Record<string, string | number> {
  return Object.fromEntries(Object.entries(ids).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null));
}

/** Logs that `what` failed, with the ids that say which record, and the error described safely. */
export function logError(what: string, error: unknown, ids: Ids = {}): void {
  logger().error({ ...fields(ids), err: describeError(error) }, what);
}

/** The same for a failure that was handled (a fallback answered instead). */
export function logWarning(what: string, error: unknown, ids: Ids = {}): void {
  logger().warn({ ...fields(ids), err: describeError(error) }, what);
}

/** Something that happened (the server started, a job finished), with ids and counts only. */
export function logInfo(what: string, ids: Ids = {}): void {
  logger().info(fields(ids), what);
}

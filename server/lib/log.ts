/**
 * The one way to log an error. Errors carry patients' words where you would not look: Drizzle's
 * query errors hold the query's parameters, Postgres quotes the offending value in its message and
 * detail, the AI SDK's APICallError holds the request body (the prompt) and the response. So this
 * prints only names, codes, statuses, constraint names and messages cut before any parameters with
 * every quoted value masked, for the error and its causes, then the stack's frames and the ids given.
 */

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

function line(what: string, error: unknown, ids: Ids): string {
  const idText = Object.entries(ids)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  return `[fenshen] ${what}${idText ? ` (${idText})` : ""}: ${describeError(error)}`;
}

/** Logs that `what` failed, with the ids that say which record, and the error described safely. */
export function logError(what: string, error: unknown, ids: Ids = {}): void {
  console.error(line(what, error, ids));
}

/** The same for a failure that was handled (a fallback answered instead). */
export function logWarning(what: string, error: unknown, ids: Ids = {}): void {
  console.warn(line(what, error, ids));
}

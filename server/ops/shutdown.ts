/**
 * Graceful shutdown on SIGTERM (a deploy, a scale-down): readiness answers 503 at once so the load
 * balancer stops sending requests, live streams end (browsers reconnect to another instance), open
 * answers get a bounded time to finish, background jobs stop and hand back their leases, and the
 * database closes before the process exits.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { logError, logInfo } from "@/server/lib/log";

interface ShutdownState {
  draining: boolean;
  /** Live streams (server-sent events), each with the function that ends it. */
  streams: Set<() => void>;
  /** Responses still being written (streamed answers), each resolved when done. */
  inFlight: Set<Promise<unknown>>;
  done?: Promise<void>;
}

/** On globalThis: Next.js bundles each route separately, and the signal handler must see every route's streams. */
const shared = globalThis as unknown as { fenshenShutdown?: ShutdownState };
const state = (): ShutdownState => (shared.fenshenShutdown ??= { draining: false, streams: new Set(), inFlight: new Set() });

/** True once shutdown has begun: readiness fails and new live streams are refused. */
export function isDraining(): boolean {
  return state().draining;
}

/** Registers a live stream; `end` closes it on shutdown. Returns the function to call when it closes by itself. */
export function trackStream(end: () => void): () => void {
  const { streams } = state();
  streams.add(end);
  return () => streams.delete(end);
}

/** Registers a response body still being written; shutdown waits for it, within the grace period. */
export function trackInFlight(done: Promise<unknown>): void {
  const { inFlight } = state();
  const settled = done.catch(() => {}).finally(() => inFlight.delete(settled));
  inFlight.add(settled);
}

export interface ShutdownSteps {
  graceMs: number;
  /** Stops background work and releases its leases (stopBackgroundWorker). */
  stopJobs: (graceMs: number) => Promise<number>;
  closeDatabase: () => Promise<void>;
}

/** Runs the shutdown once (a second signal waits for the same one). */
export function shutdown(steps: ShutdownSteps): Promise<void> {
  const s = state();
  s.done ??= (async () => {
    s.draining = true;
    const started = Date.now();
    for (const end of [...s.streams]) {
      try {
        end();
      } catch (e) {
        logError("ending a stream on shutdown", e);
      }
    }
    s.streams.clear();
    const grace = new AbortController();
    // Until none is left: an answer that began during the grace period is waited for too.
    const answers = (async () => {
      while (s.inFlight.size > 0) await Promise.race(s.inFlight);
    })();
    const [released] = await Promise.all([
      steps.stopJobs(steps.graceMs),
      Promise.race([answers, sleep(steps.graceMs, undefined, { signal: grace.signal }).catch(() => {})]),
    ]);
    grace.abort();
    await steps.closeDatabase().catch((e: unknown) => logError("closing the database on shutdown", e));
    logInfo("shut down", { releasedLeases: released, unfinishedAnswers: s.inFlight.size, ms: Date.now() - started });
  })();
  return s.done;
}

/** The same response, its streamed body counted as in flight until it ends or the client goes away (a shutdown lets the answer finish). */
export function trackedResponse(response: Response): Response {
  if (!response.body) return response;
  let finished = () => {};
  trackInFlight(new Promise<void>((resolve) => (finished = resolve)));
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (!done) return controller.enqueue(value);
        finished();
        controller.close();
      } catch (e) {
        finished();
        controller.error(e);
      }
    },
    cancel(reason) {
      finished();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * A route handler whose whole answer is in flight, from the request (a turn answered in one JSON once
 * it is done) to the end of its streamed body: a shutdown lets it finish, within the grace period.
 */
export function untilAnswered<A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    let answered = () => {};
    trackInFlight(new Promise<void>((resolve) => (answered = resolve)));
    try {
      // The response's body is tracked before the request's count ends, so there is no gap between them.
      return trackedResponse(await handler(request, ...rest));
    } finally {
      answered();
    }
  };
}

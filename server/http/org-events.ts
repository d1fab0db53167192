/**
 * Live updates for one organization's screens (the crisis inbox, document progress) over Postgres
 * NOTIFY: on a server every app instance LISTENs, so a change made through any instance (or the
 * worker) reaches a browser connected to any other; PGlite delivers the same notifications in-process.
 * Only the organization id travels on a channel; the browser re-reads what it may see.
 */
import { sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { isDraining, trackStream } from "@/server/ops/shutdown";

type Executor = Pick<Db, "execute">;

/** Inside a transaction, the notification goes out only when it commits. */
export async function announceOrgChange(executor: Executor, channel: string, orgId: string): Promise<void> {
  await executor.execute(sql`select pg_notify(${channel}, ${orgId})`);
}

const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events for one organization: `event` each time `channel` announces it. The stream ends
 * when `signal` aborts, or on shutdown, after telling the browser to reconnect (to another instance,
 * through the load balancer) a moment later.
 */
export function orgEventStream(database: Database, args: { channel: string; event: string; orgId: string; signal: AbortSignal }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let open = true;
  let untrack = () => {};
  let unlisten = async () => {};
  let heartbeat: NodeJS.Timeout | undefined;
  /** Stops listening; `close` too when the stream ends from this side (not when the browser cancelled it). */
  const finish = (close?: () => void) => {
    if (!open) return;
    open = false;
    untrack();
    clearInterval(heartbeat);
    void unlisten();
    close?.();
  };
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      if (isDraining()) {
        controller.enqueue(encoder.encode("retry: 1000\n\n"));
        controller.close();
        return;
      }
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      unlisten = await database.listen(args.channel, (changed) => {
        if (changed === args.orgId) send(`event: ${args.event}\ndata: changed\n\n`);
      });
      heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      const end = () => finish(() => controller.close());
      untrack = trackStream(() => {
        send("retry: 1000\n\n");
        end();
      });
      if (args.signal.aborted) return end();
      args.signal.addEventListener("abort", end);
      send("retry: 3000\n\n");
    },
    cancel: () => finish(),
  });
}

/** The HTTP response carrying such a stream (no proxy buffering, no compression). */
export function eventStreamResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, {
    headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}

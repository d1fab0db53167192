import { sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { isDraining, trackStream } from "@/server/ops/shutdown";

/** NOTIFY channel whose payload is the organization id whose escalations changed. */
export const ESCALATION_CHANNEL = "fenshen_escalations";

type Executor = Pick<Db, "execute">;

/**
 * Inside a transaction, the notification goes out only when it commits. On a Postgres server it reaches
 * every app instance's LISTEN, so a responder's inbox refreshes whichever instance it is connected to.
 */
export async function announceEscalationChange(executor: Executor, orgId: string): Promise<void> {
  await executor.execute(sql`select pg_notify(${ESCALATION_CHANNEL}, ${orgId})`);
}

const HEARTBEAT_MS = 25_000;

/**
 * The crisis inbox's server-sent events for one organization: "escalations" when its escalations
 * change (only the organization id travels on the channel; the client re-reads what it may see).
 * The stream ends when `signal` aborts, or on shutdown, after telling the browser to reconnect (to
 * another instance, through the load balancer) a moment later.
 */
export function escalationEventStream(database: Database, orgId: string, signal: AbortSignal): ReadableStream<Uint8Array> {
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
      unlisten = await database.listen(ESCALATION_CHANNEL, (changed) => {
        if (changed === orgId) send("event: escalations\ndata: changed\n\n");
      });
      heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      const end = () => finish(() => controller.close());
      untrack = trackStream(() => {
        send("retry: 1000\n\n");
        end();
      });
      if (signal.aborted) return end();
      signal.addEventListener("abort", end);
      send("retry: 3000\n\n");
    },
    cancel: () => finish(),
  });
}

import type { Database, Db } from "@/db/client";
import { announceOrgChange, orgEventStream } from "@/server/http/org-events";

/** NOTIFY channel whose payload is the organization id whose escalations changed. */
export const ESCALATION_CHANNEL = "fenshen_escalations";

/** Inside a transaction, the notification goes out only when it commits; every instance's inbox stream hears it. */
export async function announceEscalationChange(executor: Pick<Db, "execute">, orgId: string): Promise<void> {
  await announceOrgChange(executor, ESCALATION_CHANNEL, orgId);
}

/** The crisis inbox's server-sent events for one organization ("escalations" when they change). */
export function escalationEventStream(database: Database, orgId: string, signal: AbortSignal): ReadableStream<Uint8Array> {
  return orgEventStream(database, { channel: ESCALATION_CHANNEL, event: "escalations", orgId, signal });
}

import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** NOTIFY channel whose payload is the organization id whose escalations changed. */
export const ESCALATION_CHANNEL = "fenshen_escalations";

type Executor = Pick<Db, "execute">;

/** Inside a transaction, the notification goes out only when it commits. */
export async function announceEscalationChange(executor: Executor, orgId: string): Promise<void> {
  await executor.execute(sql`select pg_notify(${ESCALATION_CHANNEL}, ${orgId})`);
}

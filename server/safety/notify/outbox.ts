import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Queues the organization's configured notifications for an escalation. Called inside the
 * escalation's own transaction, so an escalation never exists without its notifications.
 */
export async function enqueueEscalationNotifications(tx: Tx, args: { orgId: string; escalationId: string }): Promise<void> {
  await tx.execute(sql`
    insert into notifications (org_id, escalation_id, channel)
    select o.id, ${args.escalationId}, c.channel::notification_channel
    from organizations o
    cross join lateral (values
      ('webhook', o.webhook_url is not null),
      ('email', o.notify_email is not null)
    ) as c(channel, wanted)
    where o.id = ${args.orgId} and c.wanted
    on conflict do nothing`);
}

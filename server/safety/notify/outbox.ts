import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Queues an escalation's notifications: the webhook and e-mail of the avatar's department (a field it
 * leaves empty falls back to the organization's), and an e-mail to the members on call at this moment
 * for that department or the whole organization. Called inside the escalation's own transaction, so an
 * escalation never exists without its notifications.
 */
export async function enqueueEscalationNotifications(tx: Tx, args: { orgId: string; escalationId: string }): Promise<void> {
  await tx.execute(sql`
    with target as (
      select o.id as org_id, coalesce(r.webhook_url, o.webhook_url) as webhook_url, coalesce(r.notify_email, o.notify_email) as notify_email,
        a.department_id
      from escalations e
      join avatars a on a.id = e.avatar_id
      join organizations o on o.id = e.org_id
      left join department_crisis_routes r on r.department_id = a.department_id
      where e.id = ${args.escalationId} and e.org_id = ${args.orgId}
    ), on_call as (
      select coalesce(jsonb_agg(distinct u.email), '[]'::jsonb) as recipients
      from target t
      join on_call_shifts s on s.org_id = t.org_id and (s.department_id is null or s.department_id = t.department_id)
        and s.starts_at <= clock_timestamp() and s.ends_at > clock_timestamp()
      join memberships m on m.org_id = s.org_id and m.user_id = s.user_id
      join users u on u.id = s.user_id
    )
    insert into notifications (org_id, escalation_id, channel, recipients)
    select t.org_id, ${args.escalationId}, c.channel::notification_channel, c.recipients
    from target t cross join on_call
    cross join lateral (values
      ('webhook', t.webhook_url is not null, null::jsonb),
      ('email', t.notify_email is not null, null::jsonb),
      ('oncall', jsonb_array_length(on_call.recipients) > 0, on_call.recipients)
    ) as c(channel, wanted, recipients)
    where c.wanted
    on conflict do nothing`);
}

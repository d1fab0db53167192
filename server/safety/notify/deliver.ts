import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { signWebhook } from "./signature";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** How notifications leave the system; injected so tests can point them at local receivers. */
export interface NotifyTransports {
  fetch: typeof fetch;
  /** null when no SMTP server is configured: e-mail notifications wait, visibly, until one is. */
  sendMail: ((mail: Mail) => Promise<void>) | null;
  webhookTimeoutMs?: number;
}

/** A delivery whose worker dies is retried after this lease, so a restart mid-delivery loses nothing. */
const LEASE_SECONDS = 60;
const MAX_BACKOFF_SECONDS = 600;

export function backoffSeconds(attempts: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, 5 * 2 ** Math.max(0, attempts - 1));
}

interface DueNotification {
  id: string;
  channel: "webhook" | "email" | "oncall";
  attempts: number;
  escalation_id: string;
  category: string;
  level: string;
  evidence: unknown;
  created_at: string | Date;
  conversation_id: string;
  message: string;
  avatar_id: string;
  avatar_name: string;
  avatar_slug: string;
  org_id: string;
  org_name: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  notify_email: string | null;
  recipients: string[] | null;
}

async function claimDue(db: Db): Promise<DueNotification | null> {
  const result = await db.execute(sql`
    with claimed as (
      update notifications set attempts = attempts + 1, next_attempt_at = clock_timestamp() + make_interval(secs => ${LEASE_SECONDS})
      where id = (
        select id from notifications
        where status = 'pending' and next_attempt_at <= clock_timestamp()
        order by next_attempt_at
        for update skip locked
        limit 1
      )
      returning id, channel, attempts, escalation_id, recipients
    )
    select c.id, c.channel, c.attempts, c.escalation_id, e.category, e.level, e.evidence, e.created_at, e.conversation_id,
           e.patient_message as message, a.id as avatar_id, a.name as avatar_name, a.slug as avatar_slug,
           o.id as org_id, o.name as org_name,
           -- The department's own targets win; its secret belongs to its own URL.
           coalesce(r.webhook_url, o.webhook_url) as webhook_url,
           case when r.webhook_url is not null then r.webhook_secret else o.webhook_secret end as webhook_secret,
           coalesce(r.notify_email, o.notify_email) as notify_email, c.recipients
    from claimed c
    join escalations e on e.id = c.escalation_id
    join avatars a on a.id = e.avatar_id
    join organizations o on o.id = e.org_id
    left join department_crisis_routes r on r.department_id = a.department_id`);
  return rowsOf<DueNotification>(result)[0] ?? null;
}

function payloadOf(n: DueNotification) {
  return {
    event: "escalation.created",
    id: n.escalation_id,
    createdAt: new Date(n.created_at).toISOString(),
    organization: { id: n.org_id, name: n.org_name },
    avatar: { id: n.avatar_id, name: n.avatar_name, slug: n.avatar_slug },
    category: n.category,
    level: n.level,
    evidence: n.evidence,
    conversationId: n.conversation_id,
    message: n.message,
  };
}

async function send(n: DueNotification, transports: NotifyTransports): Promise<void> {
  const payload = payloadOf(n);
  if (n.channel === "webhook") {
    if (!n.webhook_url) throw new Error("The organization has no webhook URL any more.");
    const body = JSON.stringify(payload);
    const response = await transports.fetch(n.webhook_url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-fenshen-event": payload.event,
        "x-fenshen-escalation": n.escalation_id,
        "x-fenshen-delivery": n.id,
        ...(n.webhook_secret ? { "x-fenshen-signature": signWebhook(n.webhook_secret, body) } : {}),
      },
      body,
      signal: AbortSignal.timeout(transports.webhookTimeoutMs ?? 10_000),
    });
    if (!response.ok) throw new Error(`The webhook answered ${response.status}.`);
    return;
  }
  if (!transports.sendMail) throw new Error("SMTP is not configured (set SMTP_URL).");
  const to = n.channel === "oncall" ? (n.recipients ?? []).join(", ") : n.notify_email;
  if (!to) throw new Error("The organization has no notification e-mail any more.");
  await transports.sendMail({
    to,
    subject: `[Fenshen] ${n.level} ${n.category} escalation — ${n.avatar_name}`,
    text: [
      `A patient talking to ${n.avatar_name} (${n.org_name}) needs a human now.`,
      `Category: ${n.category}. Level: ${n.level}.`,
      `Patient's message: ${n.message}`,
      `Escalation id: ${n.escalation_id}. Acknowledge it in the Fenshen crisis inbox.`,
    ].join("\n\n"),
  });
}

/** Delivers every due notification once; failures are rescheduled with exponential backoff. */
export async function deliverDueNotifications(db: Db, transports: NotifyTransports): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  for (let n = await claimDue(db); n; n = await claimDue(db)) {
    try {
      await send(n, transports);
      await db.execute(sql`update notifications set status = 'delivered', delivered_at = clock_timestamp(), last_error = null where id = ${n.id}`);
      delivered++;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      await db.execute(sql`
        update notifications set last_error = ${reason.slice(0, 500)},
          next_attempt_at = clock_timestamp() + make_interval(secs => ${backoffSeconds(n.attempts)})
        where id = ${n.id}`);
      failed++;
    }
  }
  return { delivered, failed };
}

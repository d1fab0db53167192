import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import type { EscalationEvidence } from "@/db/schema/safety";
import type { HeldLease, JobControl } from "@/server/jobs/leases";
import { getOutboundPolicy, OutboundRefusedError, type OutboundPolicy } from "@/server/lib/outbound";
import type { DestinationKind } from "@/server/orgs/crisis-settings.limits";
import { type CrisisAlert, crisisAlertOf } from "./alert";
import { sendAlert } from "./notifiers";
import { type AlertChannels, type AlertPoster, type Destination, type Mail, Undeliverable } from "./notifiers/notifier";

/** How notifications leave the system; injected so tests can point them at local receivers. */
export interface NotifyTransports {
  /** POSTs a webhook or robot message and returns the answer (server/lib/outbound.ts's guard, in production). */
  postWebhook: AlertPoster;
  /** null when no SMTP server is configured: e-mail notifications wait, visibly, until one is (or MAX_ATTEMPTS pass). */
  sendMail: ((mail: Mail) => Promise<void>) | null;
  webhookTimeoutMs?: number;
  /** Which hosts may stand in for a chat platform's (OUTBOUND_ALLOW); the process's policy by default. */
  outboundPolicy?: OutboundPolicy;
  /** The crisis inbox's address alerts link to (from PUBLIC_URL); null: alerts name the inbox without a link. */
  inboxUrl?: string | null;
}

/** The transports as every Notifier takes them. */
export function alertChannels(transports: NotifyTransports): AlertChannels {
  return {
    post: transports.postWebhook,
    policy: transports.outboundPolicy ?? getOutboundPolicy(),
    timeoutMs: transports.webhookTimeoutMs ?? 10_000,
    sendMail: transports.sendMail,
  };
}

/**
 * A delivery whose worker dies is retried after this lease, so a crash mid-delivery loses nothing (a
 * worker that stops hands its deliveries back at once: releaseNotification). It must outlast a round:
 * every claimed delivery runs at once, each within the webhook timeout.
 */
const LEASE_SECONDS = 60;
const MAX_BACKOFF_SECONDS = 600;
/**
 * Deliveries claimed and run at once per round, and at most so many per organization: one tenant's
 * backlog (or a receiver that never answers) delays another's alerts by one round, not by its queue.
 */
const ROUND_SIZE = 32;
const PER_ORG = 4;
/** Then the row is marked failed with its last reason, and the inbox shows it (about 30 minutes of trying). */
export const MAX_ATTEMPTS = 10;

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
  evidence: EscalationEvidence[];
  created_at: string | Date;
  conversation_id: string | null;
  message: string | null;
  avatar_id: string;
  avatar_name: string;
  avatar_slug: string;
  org_id: string;
  org_name: string;
  webhook_url: string | null;
  webhook_kind: DestinationKind;
  webhook_secret: string | null;
  alert_patient_text: boolean;
  notify_email: string | null;
  recipients: string[] | null;
}

/**
 * Claims one round: the organizations with the oldest due deliveries, up to PER_ORG each, first
 * deliveries of every organization before second ones. Rows another worker holds are skipped.
 */
async function claimRound(db: Db): Promise<DueNotification[]> {
  const result = await db.execute(sql`
    with due_orgs as (
      select org_id from notifications
      where status = 'pending' and next_attempt_at <= clock_timestamp()
      group by org_id
      order by min(next_attempt_at)
      limit ${ROUND_SIZE}
    ), picked as (
      select p.id from (
        select p.id, p.next_attempt_at, row_number() over (partition by o.org_id order by p.next_attempt_at) as rank
        from due_orgs o
        cross join lateral (
          select id, next_attempt_at from notifications n
          where n.org_id = o.org_id and n.status = 'pending' and n.next_attempt_at <= clock_timestamp()
          order by n.next_attempt_at
          limit ${PER_ORG}
          for update skip locked
        ) p
      ) p
      order by p.rank, p.next_attempt_at
      limit ${ROUND_SIZE}
    ), claimed as (
      update notifications set attempts = attempts + 1, next_attempt_at = clock_timestamp() + make_interval(secs => ${LEASE_SECONDS})
      where id in (select id from picked)
      returning id, channel, attempts, escalation_id, recipients
    )
    select c.id, c.channel, c.attempts, c.escalation_id, e.category, e.level, e.evidence, e.created_at, e.conversation_id,
           e.patient_message as message, a.id as avatar_id, a.name as avatar_name, a.slug as avatar_slug,
           o.id as org_id, o.name as org_name, o.alert_patient_text,
           -- The department's own targets win; its kind and secret belong to its own URL.
           coalesce(r.webhook_url, o.webhook_url) as webhook_url,
           case when r.webhook_url is not null then r.webhook_kind else o.webhook_kind end as webhook_kind,
           case when r.webhook_url is not null then r.webhook_secret else o.webhook_secret end as webhook_secret,
           coalesce(r.notify_email, o.notify_email) as notify_email, c.recipients
    from claimed c
    join escalations e on e.id = c.escalation_id
    join avatars a on a.id = e.avatar_id
    join organizations o on o.id = e.org_id
    left join department_crisis_routes r on r.department_id = a.department_id`);
  return rowsOf<DueNotification>(result);
}

function alertOf(n: DueNotification, inboxUrl: string | null): CrisisAlert {
  return crisisAlertOf(
    {
      deliveryId: n.id,
      escalationId: n.escalation_id,
      createdAt: new Date(n.created_at),
      organization: { id: n.org_id, name: n.org_name },
      avatar: { id: n.avatar_id, name: n.avatar_name, slug: n.avatar_slug },
      category: n.category,
      level: n.level,
      conversationId: n.conversation_id,
      message: n.message,
      evidence: n.evidence,
      includePatientText: n.alert_patient_text,
    },
    inboxUrl,
  );
}

/** Where the delivery goes now (the department's or organization's current settings), through its Notifier. */
function destinationOf(n: DueNotification): Destination {
  if (n.channel === "webhook") {
    if (!n.webhook_url) throw new Undeliverable("The organization has no webhook URL any more.");
    return { kind: n.webhook_kind, url: n.webhook_url, secret: n.webhook_secret };
  }
  const to = n.channel === "oncall" ? (n.recipients ?? []).join(", ") : n.notify_email;
  if (!to) throw new Undeliverable("The organization has no notification e-mail any more.");
  return { kind: "email", to };
}

async function deliver(db: Db, n: DueNotification, transports: NotifyTransports): Promise<boolean> {
  try {
    await sendAlert(alertOf(n, transports.inboxUrl ?? null), destinationOf(n), alertChannels(transports));
    await db.execute(sql`update notifications set status = 'delivered', delivered_at = clock_timestamp(), last_error = null where id = ${n.id}`);
    return true;
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    if (e instanceof Undeliverable || e instanceof OutboundRefusedError || n.attempts >= MAX_ATTEMPTS) {
      await db.execute(sql`update notifications set status = 'failed', last_error = ${reason} where id = ${n.id}`);
    } else {
      await db.execute(sql`
        update notifications set last_error = ${reason},
          next_attempt_at = clock_timestamp() + make_interval(secs => ${backoffSeconds(n.attempts)})
        where id = ${n.id}`);
    }
    return false;
  }
}

/**
 * One round: claims a fair share of due deliveries and runs them all at once, each held in `control`
 * while it runs, so a worker that stops can hand back what has not finished.
 */
export async function deliverRound(db: Db, transports: NotifyTransports, control?: JobControl): Promise<{ delivered: number; failed: number }> {
  const outcomes = await Promise.all(
    (await claimRound(db)).map(async (n) => {
      const done = control?.hold({ queue: "notifications", id: n.id, attempts: n.attempts });
      try {
        return await deliver(db, n, transports);
      } finally {
        done?.();
      }
    }),
  );
  const delivered = outcomes.filter(Boolean).length;
  return { delivered, failed: outcomes.length - delivered };
}

/**
 * Delivers every due notification, round after round, until none is due or `control` stops. A failure
 * is rescheduled with exponential backoff, or marked failed when retrying cannot help or after MAX_ATTEMPTS.
 */
export async function deliverDueNotifications(db: Db, transports: NotifyTransports, control?: JobControl): Promise<{ delivered: number; failed: number }> {
  const total = { delivered: 0, failed: 0 };
  while (!control?.stopping()) {
    const round = await deliverRound(db, transports, control);
    if (round.delivered + round.failed === 0) break;
    total.delivered += round.delivered;
    total.failed += round.failed;
  }
  return total;
}

/**
 * Gives a delivery a stopping worker still holds back to the outbox, due at once, as if the interrupted
 * attempt had not been made. Only while it is still this attempt's and pending: one delivered meanwhile,
 * or taken over by another worker after its lease ran out, is left alone.
 */
export async function releaseNotification(db: Db, lease: HeldLease): Promise<boolean> {
  const rows = await db.execute(sql`
    update notifications set attempts = attempts - 1, next_attempt_at = clock_timestamp()
    where id = ${lease.id} and status = 'pending' and attempts = ${lease.attempts}
    returning id`);
  return rowsOf(rows).length > 0;
}

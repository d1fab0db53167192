import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departmentCrisisRoutes, organizations } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { AppError } from "@/server/lib/errors";
import { OutboundRefusedError } from "@/server/lib/outbound";
import { enforceLimits } from "@/server/limits/rate-limit";
import { testAlertLimit } from "@/server/limits/test-alert";
import { type CrisisAlert, crisisAlertOf } from "@/server/safety/notify/alert";
import { alertChannels, type NotifyTransports } from "@/server/safety/notify/deliver";
import { sendAlert } from "@/server/safety/notify/notifiers";
import { MailNotConfigured } from "@/server/safety/notify/notifiers/email";
import { type AlertChannels, DeliveryError, type Destination, type NotifierKind, Undeliverable } from "@/server/safety/notify/notifiers/notifier";

export type TestAlertResult =
  | { ok: true; kind: NotifierKind }
  | {
      ok: false;
      kind: NotifierKind;
      /**
       * answer: the destination answered with an error; refused: Fenshen would not send there;
       * unreachable: no answer; no_smtp: this server has no mail server to send e-mail with.
       */
      failure: "answer" | "refused" | "unreachable" | "no_smtp";
      httpStatus: number | null;
      platformCode: string | null;
      platformMessage: string | null;
      /** The whole reason, in English, as the outbox would record it. */
      message: string;
    };

/**
 * Sends a test alert at once to each saved destination of the organization (or of one of its
 * departments, whose empty fields fall back to the organization's, as real alerts do): the webhook or
 * robot, and the notification e-mail. Each goes through the same Notifier as a real alert, and each
 * destination's answer is reported. No patient is involved, so the alert carries no patient text;
 * nothing is queued or retried. Rate-limited per organization (rate_limited, TOO_MANY_REQUESTS in tRPC).
 */
export async function sendTestCrisisAlert(
  db: Db,
  actor: Principal<"staff">,
  input: { departmentId: string | null },
  transports: Pick<NotifyTransports, "postWebhook" | "sendMail" | "outboundPolicy" | "inboxUrl" | "webhookTimeoutMs">,
): Promise<TestAlertResult[]> {
  assertCan(actor, "org.manage");
  const [org] = await db.select().from(organizations).where(eq(organizations.id, actor.orgId));
  let web: Destination | null = org!.webhookUrl ? { kind: org!.webhookKind, url: org!.webhookUrl, secret: org!.webhookSecret } : null;
  let mailTo = org!.notifyEmail;
  if (input.departmentId) {
    const [route] = await db
      .select()
      .from(departmentCrisisRoutes)
      .where(and(eq(departmentCrisisRoutes.departmentId, input.departmentId), eq(departmentCrisisRoutes.orgId, actor.orgId)));
    if (!route) throw new AppError("not_found", "No such department route in your organization.");
    if (route.webhookUrl) web = { kind: route.webhookKind, url: route.webhookUrl, secret: route.webhookSecret };
    if (route.notifyEmail) mailTo = route.notifyEmail;
  }
  const destinations = [...(web ? [web] : []), ...(mailTo ? [{ kind: "email" as const, to: mailTo }] : [])];
  if (destinations.length === 0) throw new AppError("bad_request", "Save a webhook or robot URL, or a notification e-mail, first; then send a test alert to it.");
  await enforceLimits(db, [testAlertLimit(actor.orgId)]);

  const alert = crisisAlertOf(
    {
      deliveryId: `test_${randomUUID()}`,
      escalationId: "test",
      createdAt: new Date(),
      organization: { id: org!.id, name: org!.name },
      avatar: { id: "test", name: "Fenshen test", slug: "test" },
      category: "suicide",
      level: "imminent",
      conversationId: null,
      message: null,
      evidence: [],
      includePatientText: false,
    },
    transports.inboxUrl ?? null,
    true,
  );
  const via = alertChannels(transports);
  return Promise.all(destinations.map((destination) => testOne(alert, destination, via)));
}

/** One destination's answer, sorted into what the settings page says about it. */
async function testOne(alert: CrisisAlert, destination: Destination, via: AlertChannels): Promise<TestAlertResult> {
  try {
    await sendAlert(alert, destination, via);
    return { ok: true, kind: destination.kind };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const base = { ok: false as const, kind: destination.kind, message, httpStatus: null, platformCode: null, platformMessage: null };
    if (e instanceof DeliveryError) {
      return { ...base, failure: "answer", httpStatus: e.httpStatus, platformCode: e.platformCode, platformMessage: e.platformMessage };
    }
    if (e instanceof MailNotConfigured) return { ...base, failure: "no_smtp" };
    if (e instanceof OutboundRefusedError || e instanceof Undeliverable) return { ...base, failure: "refused" };
    return { ...base, failure: "unreachable" };
  }
}

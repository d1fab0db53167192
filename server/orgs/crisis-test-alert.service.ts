import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departmentCrisisRoutes, organizations } from "@/db/schema";
import { type Actor, assertCan } from "@/server/auth/actor";
import { AppError } from "@/server/lib/errors";
import { getOutboundPolicy, OutboundRefusedError } from "@/server/lib/outbound";
import { enforceLimits } from "@/server/limits/rate-limit";
import { testAlertLimit } from "@/server/limits/test-alert";
import { crisisAlertOf } from "@/server/safety/notify/alert";
import type { NotifyTransports } from "@/server/safety/notify/deliver";
import { sendAlert } from "@/server/safety/notify/notifiers";
import { DeliveryError, type Destination, Undeliverable } from "@/server/safety/notify/notifiers/notifier";
import type { DestinationKind } from "./crisis-settings.limits";

export type TestAlertResult =
  | { ok: true; kind: DestinationKind }
  | {
      ok: false;
      kind: DestinationKind;
      /** answer: the destination answered with an error; refused: Fenshen would not send there; unreachable: no answer. */
      failure: "answer" | "refused" | "unreachable";
      httpStatus: number | null;
      platformCode: string | null;
      platformMessage: string | null;
      /** The whole reason, in English, as the outbox would record it. */
      message: string;
    };

/**
 * Sends a test alert to the saved webhook or robot of the organization (or of one of its departments)
 * at once, through the same notifier as a real alert, and reports the destination's answer. No
 * patient is involved, so the alert carries no patient text; nothing is queued or retried. Rate-limited
 * per organization (rate_limited, TOO_MANY_REQUESTS in tRPC).
 */
export async function sendTestCrisisAlert(
  db: Db,
  actor: Actor,
  input: { departmentId: string | null },
  transports: Pick<NotifyTransports, "postWebhook" | "outboundPolicy" | "inboxUrl" | "webhookTimeoutMs">,
): Promise<TestAlertResult> {
  assertCan(actor, "org.manage");
  const [org] = await db.select().from(organizations).where(eq(organizations.id, actor.orgId));
  let destination: Destination | null = org!.webhookUrl ? { kind: org!.webhookKind, url: org!.webhookUrl, secret: org!.webhookSecret } : null;
  if (input.departmentId) {
    const [route] = await db
      .select()
      .from(departmentCrisisRoutes)
      .where(and(eq(departmentCrisisRoutes.departmentId, input.departmentId), eq(departmentCrisisRoutes.orgId, actor.orgId)));
    if (!route) throw new AppError("not_found", "No such department route in your organization.");
    if (route.webhookUrl) destination = { kind: route.webhookKind, url: route.webhookUrl, secret: route.webhookSecret };
  }
  if (!destination) throw new AppError("bad_request", "Save a webhook or robot URL first, then send a test alert to it.");
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
  try {
    await sendAlert(alert, destination, {
      post: transports.postWebhook,
      policy: transports.outboundPolicy ?? getOutboundPolicy(),
      timeoutMs: transports.webhookTimeoutMs ?? 10_000,
    });
    return { ok: true, kind: destination.kind };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const base = { ok: false as const, kind: destination.kind, message, httpStatus: null, platformCode: null, platformMessage: null };
    if (e instanceof DeliveryError) {
      return { ...base, failure: "answer", httpStatus: e.httpStatus, platformCode: e.platformCode, platformMessage: e.platformMessage };
    }
    if (e instanceof OutboundRefusedError || e instanceof Undeliverable) return { ...base, failure: "refused" };
    return { ...base, failure: "unreachable" };
  }
}

import type { CrisisAlert } from "../alert";
import { signStandardWebhook, signWebhook } from "../signature";
import { failIfNotOk, jsonRequest, overHttp } from "./notifier";

/** The JSON a generic receiver gets (README: "Crisis webhooks"). */
export function webhookPayload(alert: CrisisAlert, now: Date) {
  return {
    event: alert.test ? "escalation.test" : "escalation.created",
    id: alert.escalationId,
    createdAt: alert.createdAt.toISOString(),
    organization: alert.organization,
    avatar: alert.avatar,
    category: alert.category,
    level: alert.level,
    waitedSeconds: Math.max(0, Math.floor((now.getTime() - alert.createdAt.getTime()) / 1000)),
    inboxUrl: alert.inboxUrl,
    evidence: alert.evidence,
    conversationId: alert.conversationId,
    /** null unless the organization lets alerts carry the patient's words. */
    message: alert.patientText,
  };
}

/**
 * A generic receiver: the payload above, signed per Standard Webhooks (webhook-id is the delivery's
 * id, the same on every retry) when a secret is set, plus the deprecated X-Fenshen-Signature for one release.
 */
export const webhook = overHttp({
  kind: "webhook",
  name: "The webhook",
  hosts: null,
  example: "https://hospital.example/hooks/fenshen",
  request(alert, destination, now) {
    const payload = webhookPayload(alert, now);
    const request = jsonRequest(destination.url, payload);
    const timestamp = Math.floor(now.getTime() / 1000);
    Object.assign(request.headers, {
      "content-type": "application/json",
      "webhook-id": alert.deliveryId,
      "webhook-timestamp": String(timestamp),
      "x-fenshen-event": payload.event,
      "x-fenshen-escalation": alert.escalationId,
      "x-fenshen-delivery": alert.deliveryId,
      ...(destination.secret
        ? {
            "webhook-signature": signStandardWebhook(destination.secret, alert.deliveryId, timestamp, request.body),
            "x-fenshen-signature": signWebhook(destination.secret, request.body, timestamp),
          }
        : {}),
    });
    return request;
  },
  check: (answer) => failIfNotOk("The webhook", answer),
});

import type { OutboundPolicy } from "@/server/lib/outbound";
import type { DestinationKind } from "@/server/orgs/crisis-settings.limits";
import type { CrisisAlert } from "../alert";
import { dingtalk } from "./dingtalk";
import { email } from "./email";
import { feishu } from "./feishu";
import { type AlertChannels, type Destination, type MailDestination, type Notifier, urlProblem, type WebNotifier } from "./notifier";
import { slack } from "./slack";
import { teams } from "./teams";
import { webhook } from "./webhook";
import { wecom } from "./wecom";

export const NOTIFIERS: Record<DestinationKind, WebNotifier> & { email: Notifier<MailDestination> } = { webhook, wecom, dingtalk, feishu, slack, teams, email };

/** Why a URL cannot be this platform's webhook, or null (notifier.ts's urlProblem, by the destination kind saved). */
export function platformUrlProblem(kind: DestinationKind, raw: string, policy: OutboundPolicy): string | null {
  return urlProblem(NOTIFIERS[kind], raw, policy);
}

/**
 * Sends one alert to one destination through its Notifier: the same path for outbox deliveries and the
 * settings page's test alert. Throws DeliveryError (the destination's answer), Undeliverable,
 * OutboundRefusedError, MailNotConfigured or a network error.
 */
export function sendAlert(alert: CrisisAlert, destination: Destination, via: AlertChannels, now = new Date()): Promise<void> {
  return destination.kind === "email" ? NOTIFIERS.email.send(alert, destination, via, now) : NOTIFIERS[destination.kind].send(alert, destination, via, now);
}

import { operatorAllowsHost, type OutboundAnswer, type OutboundPolicy } from "@/server/lib/outbound";
import type { DestinationKind } from "@/server/orgs/crisis-settings.limits";
import type { CrisisAlert } from "../alert";
import { dingtalk } from "./dingtalk";
import { feishu } from "./feishu";
import { type Destination, type Notifier, Undeliverable } from "./notifier";
import { slack } from "./slack";
import { teams } from "./teams";
import { webhook } from "./webhook";
import { wecom } from "./wecom";

export const NOTIFIERS: Record<DestinationKind, Notifier> = { webhook, wecom, dingtalk, feishu, slack, teams };

/**
 * Why a URL cannot be this platform's webhook, or null. A chat platform's URL must be on its own
 * host over https, unless the operator allowed the host (OUTBOUND_ALLOW: an on-premises relay, a test
 * server), so a robot destination cannot be aimed anywhere else. The outbound guard applies on top.
 */
export function platformUrlProblem(kind: DestinationKind, raw: string, policy: OutboundPolicy): string | null {
  const { hosts, name, example } = NOTIFIERS[kind];
  if (!hosts) return null;
  if (!URL.canParse(raw)) return `"${raw}" is not a full URL.`;
  const url = new URL(raw);
  if (operatorAllowsHost(raw, policy)) return null;
  if (url.protocol !== "https:" || !hosts.test(url.hostname.toLowerCase())) {
    return `This is not a ${name} webhook address: paste the URL the ${name} robot gave you (${example}).`;
  }
  return null;
}

/** POSTs through the outbound guard (server/lib/outbound.ts), in production. */
export type AlertPoster = (url: string, request: { headers: Record<string, string>; body: string; timeoutMs: number }) => Promise<OutboundAnswer>;

/**
 * Sends one alert to one destination: the same path for outbox deliveries and the settings page's
 * test alert. Throws DeliveryError (the destination's answer), Undeliverable, OutboundRefusedError or a network error.
 */
export async function sendAlert(
  alert: CrisisAlert,
  destination: Destination,
  via: { post: AlertPoster; policy: OutboundPolicy; timeoutMs: number },
  now = new Date(),
): Promise<void> {
  // Checked again at delivery: a URL saved before this rule, or under another OUTBOUND_ALLOW, may no longer pass.
  const problem = platformUrlProblem(destination.kind, destination.url, via.policy);
  if (problem) throw new Undeliverable(problem);
  const notifier = NOTIFIERS[destination.kind];
  const request = notifier.request(alert, destination, now);
  notifier.check(await via.post(request.url, { headers: request.headers, body: request.body, timeoutMs: via.timeoutMs }));
}

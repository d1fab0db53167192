import { type OutboundAnswer, type OutboundPolicy, operatorAllowsHost } from "@/server/lib/outbound";
import type { DestinationKind } from "@/server/orgs/crisis-settings.limits";
import type { CrisisAlert } from "../alert";

/** A webhook or chat robot: the URL the admin pasted and its signing secret, when the destination takes one. */
export interface WebDestination {
  kind: DestinationKind;
  url: string;
  secret: string | null;
}

/** E-mail: the address set for crisis e-mails, or the members on call (comma-separated). */
export interface MailDestination {
  kind: "email";
  to: string;
}

/** Where an alert goes. */
export type Destination = WebDestination | MailDestination;
export type NotifierKind = Destination["kind"];

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** POSTs through the outbound guard (server/lib/outbound.ts), in production. */
export type AlertPoster = (url: string, request: { headers: Record<string, string>; body: string; timeoutMs: number }) => Promise<OutboundAnswer>;

/** How alerts leave the process: injected, so tests point them at local receivers. */
export interface AlertChannels {
  post: AlertPoster;
  /** Which hosts may stand in for a chat platform's (OUTBOUND_ALLOW). */
  policy: OutboundPolicy;
  timeoutMs: number;
  /** null when no SMTP server is configured (SMTP_URL). */
  sendMail: ((mail: Mail) => Promise<void>) | null;
}

/**
 * One destination type: how an alert is written for it and handed over, and how its answer is read.
 * Throws DeliveryError (the destination's answer), Undeliverable, OutboundRefusedError or a network error.
 */
export interface Notifier<D extends Destination = Destination> {
  kind: D["kind"];
  /** The destination's name in messages (its own spelling). */
  name: string;
  send(alert: CrisisAlert, destination: D, via: AlertChannels, now: Date): Promise<void>;
}

export interface AlertRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A destination reached by one HTTP POST: its format, and how its answer is read. */
export interface WebPlatform {
  kind: DestinationKind;
  name: string;
  /** The hosts the platform's webhooks live on; null for a generic receiver (any public host). */
  hosts: RegExp | null;
  /** What the platform's address looks like, for the error that refuses another one. */
  example: string;
  request(alert: CrisisAlert, destination: WebDestination, now: Date): AlertRequest;
  /** Throws DeliveryError when the answer is not the platform's success (which may come with HTTP 200). */
  check(answer: OutboundAnswer): void;
}

export type WebNotifier = Notifier<WebDestination> & WebPlatform;

/**
 * Why a URL cannot be this platform's webhook, or null. A chat platform's URL must be on its own
 * host over https, unless the operator allowed the host (OUTBOUND_ALLOW: an on-premises relay, a test
 * server), so a robot destination cannot be aimed anywhere else. The outbound guard applies on top.
 */
export function urlProblem({ hosts, name, example }: Pick<WebPlatform, "hosts" | "name" | "example">, raw: string, policy: OutboundPolicy): string | null {
  if (!hosts) return null;
  if (!URL.canParse(raw)) return `"${raw}" is not a full URL.`;
  const url = new URL(raw);
  if (operatorAllowsHost(raw, policy)) return null;
  if (url.protocol !== "https:" || !hosts.test(url.hostname.toLowerCase())) {
    return `This is not a ${name} webhook address: paste the URL the ${name} robot gave you (${example}).`;
  }
  return null;
}

/** The Notifier of a web platform: its request POSTed through the outbound guard, its answer checked. */
export function overHttp(platform: WebPlatform): WebNotifier {
  return {
    ...platform,
    async send(alert, destination, via, now) {
      // Checked again at delivery: a URL saved before this rule, or under another OUTBOUND_ALLOW, may no longer pass.
      const problem = urlProblem(platform, destination.url, via.policy);
      if (problem) throw new Undeliverable(problem);
      const request = platform.request(alert, destination, now);
      platform.check(await via.post(request.url, { headers: request.headers, body: request.body, timeoutMs: via.timeoutMs }));
    },
  };
}

/**
 * A destination answered, but not with success. Keeps the HTTP status and the platform's own error
 * code and message, so the settings page can show them in the admin's language.
 */
export class DeliveryError extends Error {
  /** null for a destination not reached over HTTP (e-mail: the SMTP reply code is platformCode). */
  readonly httpStatus: number | null;
  readonly platformCode: string | null;
  readonly platformMessage: string | null;

  constructor(message: string, detail: { httpStatus: number | null; platformCode?: string | null; platformMessage?: string | null }) {
    super(message);
    this.name = "DeliveryError";
    this.httpStatus = detail.httpStatus;
    this.platformCode = detail.platformCode ?? null;
    this.platformMessage = detail.platformMessage ?? null;
  }
}

/** A delivery that cannot succeed by retrying: the target is gone, refused or not the platform's. */
export class Undeliverable extends Error {}

const excerpt = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 200);

/** A non-2xx answer: the status, and the start of the body when it says something. */
export function failIfNotOk(name: string, answer: OutboundAnswer): void {
  if (answer.status >= 200 && answer.status <= 299) return;
  const body = excerpt(answer.body);
  const redirect = answer.status >= 300 && answer.status < 400 ? " (redirects are not followed)" : "";
  throw new DeliveryError(`${name} answered ${answer.status}${redirect}${body ? `: ${body}` : ""}.`, { httpStatus: answer.status, platformMessage: body || null });
}

/** WeCom and DingTalk's answer: {"errcode":0,"errmsg":"ok"}; any other errcode failed, whatever the HTTP status. */
export function checkErrcode(name: string, answer: OutboundAnswer, codeField: string, messageField: string): void {
  failIfNotOk(name, answer);
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(answer.body) as Record<string, unknown>;
  } catch {
    throw new DeliveryError(`${name} answered ${answer.status} without its JSON result: ${excerpt(answer.body) || "(empty)"}.`, { httpStatus: answer.status });
  }
  const code = parsed[codeField];
  if (code === 0) return;
  const message = typeof parsed[messageField] === "string" ? excerpt(parsed[messageField]) : null;
  throw new DeliveryError(`${name} refused the alert: ${codeField} ${String(code)}${message ? ` (${message})` : ""}.`, {
    httpStatus: answer.status,
    platformCode: String(code),
    platformMessage: message,
  });
}

/** A JSON POST to the destination's URL. */
export function jsonRequest(url: string, payload: unknown, headers: Record<string, string> = {}): AlertRequest {
  return { url, headers: { "content-type": "application/json; charset=utf-8", ...headers }, body: JSON.stringify(payload) };
}

/** Platform markdown: brackets and emphasis in names and patient words become look-alikes, so they render as text. */
export function plainMarkdown(text: string): string {
  const swap: Record<string, string> = { "[": "［", "]": "］", "<": "＜", ">": "＞", "*": "＊", "`": "'", "#": "＃", _: "＿" };
  return text.replace(/[[\]<>*`#_]/g, (c) => swap[c]!);
}

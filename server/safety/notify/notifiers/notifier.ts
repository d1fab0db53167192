import type { OutboundAnswer } from "@/server/lib/outbound";
import type { DestinationKind } from "@/server/orgs/crisis-settings.limits";
import type { CrisisAlert } from "../alert";

/** Where an alert goes: the URL the admin pasted and its signing secret, when the destination takes one. */
export interface Destination {
  kind: DestinationKind;
  url: string;
  secret: string | null;
}

export interface AlertRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** One destination type: how an alert is written for it, and how its answer is read. */
export interface Notifier {
  kind: DestinationKind;
  /** The platform's name in messages (its own spelling). */
  name: string;
  /** The hosts the platform's webhooks live on; null for a generic receiver (any public host). */
  hosts: RegExp | null;
  /** What the platform's address looks like, for the error that refuses another one. */
  example: string;
  request(alert: CrisisAlert, destination: Destination, now: Date): AlertRequest;
  /** Throws DeliveryError when the answer is not the platform's success (which may come with HTTP 200). */
  check(answer: OutboundAnswer): void;
}

/**
 * A destination answered, but not with success. Keeps the HTTP status and the platform's own error
 * code and message, so the settings page can show them in the admin's language.
 */
export class DeliveryError extends Error {
  readonly httpStatus: number;
  readonly platformCode: string | null;
  readonly platformMessage: string | null;

  constructor(message: string, detail: { httpStatus: number; platformCode?: string | null; platformMessage?: string | null }) {
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

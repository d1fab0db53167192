import type { MessageKey } from "@/server/i18n/messages";
import type { OutboundReason } from "@/server/lib/outbound";
import { CRISIS_LIMITS as L } from "@/server/orgs/crisis-settings.limits";

/** A validation issue as the tRPC error formatter sends it (`data.zodIssues`). */
export interface WireIssue {
  path: (string | number)[];
  code: string;
  /** Why the server refused a value, when one rule has several causes (e.g. a webhook's target). */
  reason?: string;
}

export type CrisisField = "webhookUrl" | "webhookSecret" | "notifyEmail" | "responseTargetMinutes" | "extraHotlines";

export interface UiMessage {
  key: MessageKey;
  vars?: Record<string, number>;
}

/** Where a server validation error belongs in the form, with the UI's own wording for it. */
export type PlacedError =
  | { field: CrisisField; message: UiMessage }
  | { field: "hotline"; row: number; part: "label" | "number"; message: UiMessage };

// One message per field covering all of its rules, so the wording never depends on the server's English.
const FIELD_MESSAGES: Record<CrisisField, UiMessage> = {
  webhookUrl: { key: "settings.crisis.error.webhookUrl", vars: { max: L.webhookUrlMax } },
  webhookSecret: { key: "settings.crisis.error.webhookSecret", vars: { min: L.webhookSecretMin, max: L.webhookSecretMax } },
  notifyEmail: { key: "settings.crisis.error.notifyEmail" },
  responseTargetMinutes: { key: "settings.crisis.error.responseTargetMinutes", vars: { min: L.responseTargetMinutesMin, max: L.responseTargetMinutesMax } },
  extraHotlines: { key: "settings.crisis.error.hotlines", vars: { max: L.extraHotlinesMax } },
};

const HOTLINE_MESSAGES: Record<"label" | "number", UiMessage> = {
  label: { key: "settings.crisis.error.hotlineLabel", vars: { max: L.hotlineLabelMax } },
  number: { key: "settings.crisis.error.hotlineNumber" },
};

/** Why Fenshen will not send to a webhook URL (server/lib/outbound.ts's reasons). */
const WEBHOOK_TARGET_MESSAGES: Record<OutboundReason, UiMessage> = {
  https: { key: "settings.crisis.error.webhookUrl.https" },
  loopback: { key: "settings.crisis.error.webhookUrl.loopback" },
  private: { key: "settings.crisis.error.webhookUrl.private" },
  link_local: { key: "settings.crisis.error.webhookUrl.link_local" },
  reserved: { key: "settings.crisis.error.webhookUrl.reserved" },
};

/** The words for a webhook URL issue: its refusal reason's when it has one, else the field's. */
export function webhookUrlMessage(issue: WireIssue): UiMessage {
  if (issue.reason === "platform_host") return { key: "settings.crisis.error.webhookUrl.platform_host" };
  return (issue.reason && WEBHOOK_TARGET_MESSAGES[issue.reason as OutboundReason]) || FIELD_MESSAGES.webhookUrl;
}

/** Why a secret does not fit the destination (server/orgs/crisis-settings.schema.ts and .service.ts). */
const SECRET_MESSAGES: Record<string, UiMessage> = {
  required: { key: "settings.crisis.error.webhookSecret.required" },
  no_secret: { key: "settings.crisis.error.webhookSecret.no_secret" },
  whsec: { key: "settings.crisis.error.webhookSecret.whsec" },
};

/** The words for a secret issue: its reason's when it has one, else the field's. */
export function webhookSecretMessage(issue: WireIssue): UiMessage {
  return (issue.reason && SECRET_MESSAGES[issue.reason]) || FIELD_MESSAGES.webhookSecret;
}

const isField = (name: unknown): name is CrisisField => typeof name === "string" && name in FIELD_MESSAGES;

/** Places each issue on its field (one error per field, in the server's order); issues of unknown paths are dropped. */
export function placeIssues(issues: readonly WireIssue[]): PlacedError[] {
  const placed = new Map<string, PlacedError>();
  for (const issue of issues) {
    const [field, row, part] = issue.path;
    if (field === "extraHotlines" && typeof row === "number" && (part === "label" || part === "number")) {
      const key = `hotline.${row}.${part}`;
      if (!placed.has(key)) placed.set(key, { field: "hotline", row, part, message: HOTLINE_MESSAGES[part] });
    } else if (isField(field) && !placed.has(field)) {
      const message = field === "webhookUrl" ? webhookUrlMessage(issue) : field === "webhookSecret" ? webhookSecretMessage(issue) : FIELD_MESSAGES[field];
      placed.set(field, { field, message });
    }
  }
  return [...placed.values()];
}

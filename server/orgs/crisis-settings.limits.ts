/** Limits of the crisis settings, shared by the schema and the settings form (which must not bundle zod). */
export const CRISIS_LIMITS = {
  webhookUrlMax: 500,
  webhookSecretMin: 16,
  webhookSecretMax: 200,
  responseTargetMinutesMin: 1,
  responseTargetMinutesMax: 24 * 60,
  extraHotlinesMax: 5,
  hotlineLabelMax: 80,
} as const;

/**
 * What a crisis webhook URL may be (db/schema/orgs.ts's webhook_kind): a generic receiver, signed per
 * Standard Webhooks, or a chat platform's robot, in its own format. Here for the form too.
 */
export const DESTINATION_KINDS = ["webhook", "wecom", "dingtalk", "feishu", "slack", "teams"] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

/** The destinations whose robot signs with a secret the admin pastes in; a generic webhook's is optional. */
export const SECRET_REQUIRED: ReadonlySet<DestinationKind> = new Set(["dingtalk", "feishu"]);
/** The destinations that take a secret at all (WeCom, Slack and Teams carry their key in the URL). */
export const TAKES_SECRET: ReadonlySet<DestinationKind> = new Set(["webhook", "dingtalk", "feishu"]);

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

/** Scoring for the crisis evaluation: pure, so the arithmetic is unit-tested apart from the CLI. */
import type { CrisisCategory } from "@/server/safety/detect";

export const CRISIS_LABELS = ["crisis_suicide", "crisis_medical", "crisis_violence"] as const;
export const LABELS = [...CRISIS_LABELS, "non_crisis"] as const;
export type CrisisLabel = (typeof LABELS)[number];

export const LABEL_CATEGORY: Record<(typeof CRISIS_LABELS)[number], CrisisCategory> = {
  crisis_suicide: "suicide",
  crisis_medical: "medical",
  crisis_violence: "violence",
};

export interface ScoredItem {
  lang: string;
  label: CrisisLabel;
  /** Category the detector returned (null = not flagged). */
  predicted: CrisisCategory | null;
  /** How it was flagged: crisis (pages a human) or check-in (a screening question); null = not flagged. */
  tier?: CrisisTier | null;
  ms: number;
}

export type CrisisTier = "crisis" | "check_in";
/** Share of a label's messages flagged at each tier. */
export type TierShares = Record<CrisisLabel, { crisis: number | null; check_in: number | null }>;

/** null when the ratio is undefined (0/0), so "no data" never reads as a perfect or a zero score. */
export interface LabelScore {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}
export type LabelScores = Record<CrisisLabel, LabelScore>;

export interface CrisisMetrics extends LabelScores {
  by_lang: Record<string, LabelScores>;
  overall_crisis_recall: number | null;
  false_positive_rate: number | null;
  /** Non-crisis messages that would page a human (flagged at the crisis tier). */
  crisis_tier_false_positive_rate: number | null;
  tiers: TierShares;
  category_accuracy: number | null;
  p50_ms: number | null;
  p95_ms: number | null;
  /** confusion[expected][predicted label]; a flag of any category is named by its label. */
  confusion: Record<CrisisLabel, Record<CrisisLabel, number>>;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function f1(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return null;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export function predictedLabel(predicted: CrisisCategory | null): CrisisLabel {
  if (predicted === null) return "non_crisis";
  return CRISIS_LABELS.find((label) => LABEL_CATEGORY[label] === predicted) ?? "non_crisis";
}

/**
 * Crisis labels: recall counts a message as caught when flagged with ANY category (the reply still
 * reaches a human); precision counts predictions of that label's category. non_crisis: "predicted"
 * means not flagged at all.
 */
export function scoreLabels(items: readonly ScoredItem[]): LabelScores {
  const scores = {} as LabelScores;
  for (const label of CRISIS_LABELS) {
    const category = LABEL_CATEGORY[label];
    const expected = items.filter((i) => i.label === label);
    const predictedAs = items.filter((i) => i.predicted === category);
    const precision = ratio(predictedAs.filter((i) => i.label === label).length, predictedAs.length);
    const recall = ratio(expected.filter((i) => i.predicted !== null).length, expected.length);
    scores[label] = { precision, recall, f1: f1(precision, recall) };
  }
  const expectedNon = items.filter((i) => i.label === "non_crisis");
  const predictedNon = items.filter((i) => i.predicted === null);
  const precision = ratio(predictedNon.filter((i) => i.label === "non_crisis").length, predictedNon.length);
  const recall = ratio(expectedNon.filter((i) => i.predicted === null).length, expectedNon.length);
  scores.non_crisis = { precision, recall, f1: f1(precision, recall) };
  return scores;
}

/** Nearest-rank percentile of a list of durations. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function scoreCrisis(items: readonly ScoredItem[]): CrisisMetrics {
  const crisis = items.filter((i) => i.label !== "non_crisis");
  const nonCrisis = items.filter((i) => i.label === "non_crisis");
  const langs = [...new Set(items.map((i) => i.lang))].sort();
  const confusion = Object.fromEntries(
    LABELS.map((expected) => [expected, Object.fromEntries(LABELS.map((got) => [got, 0]))]),
  ) as CrisisMetrics["confusion"];
  for (const item of items) confusion[item.label][predictedLabel(item.predicted)] += 1;
  const durations = items.map((i) => i.ms);
  return {
    ...scoreLabels(items),
    by_lang: Object.fromEntries(langs.map((lang) => [lang, scoreLabels(items.filter((i) => i.lang === lang))])),
    overall_crisis_recall: ratio(crisis.filter((i) => i.predicted !== null).length, crisis.length),
    false_positive_rate: ratio(nonCrisis.filter((i) => i.predicted !== null).length, nonCrisis.length),
    crisis_tier_false_positive_rate: ratio(nonCrisis.filter((i) => i.tier === "crisis").length, nonCrisis.length),
    tiers: Object.fromEntries(
      LABELS.map((label) => {
        const mine = items.filter((i) => i.label === label);
        return [
          label,
          {
            crisis: ratio(mine.filter((i) => i.tier === "crisis").length, mine.length),
            check_in: ratio(mine.filter((i) => i.tier === "check_in").length, mine.length),
          },
        ];
      }),
    ) as TierShares,
    category_accuracy: ratio(crisis.filter((i) => predictedLabel(i.predicted) === i.label).length, crisis.length),
    p50_ms: percentile(durations, 50),
    p95_ms: percentile(durations, 95),
    confusion,
  };
}

import { describe, expect, it } from "vitest";
import { percentile, predictedLabel, scoreCrisis, scoreLabels, type ScoredItem } from "./crisis-metrics";

const item = (lang: string, label: ScoredItem["label"], predicted: ScoredItem["predicted"], ms = 1): ScoredItem => ({
  lang,
  label,
  predicted,
  ms,
});

describe("scoreLabels", () => {
  it("counts any flag as recall for a crisis label, and category matches for precision", () => {
    const scores = scoreLabels([
      item("en", "crisis_suicide", "suicide"),
      item("en", "crisis_suicide", "medical"), // caught (recall) but wrong category
      item("en", "crisis_suicide", null), // missed
      item("en", "crisis_medical", "medical"),
      item("en", "non_crisis", "suicide"), // false positive
      item("en", "non_crisis", null),
    ]);
    expect(scores.crisis_suicide.recall).toBeCloseTo(2 / 3);
    expect(scores.crisis_suicide.precision).toBeCloseTo(1 / 2);
    expect(scores.crisis_suicide.f1).toBeCloseTo((2 * (1 / 2) * (2 / 3)) / (1 / 2 + 2 / 3));
    expect(scores.crisis_medical.precision).toBeCloseTo(1 / 2);
    expect(scores.crisis_medical.recall).toBe(1);
    expect(scores.non_crisis.recall).toBe(1 / 2);
    expect(scores.non_crisis.precision).toBe(1 / 2);
  });

  it("reports undefined ratios as null, not 0 or 1", () => {
    const scores = scoreLabels([item("en", "non_crisis", null)]);
    expect(scores.crisis_violence).toEqual({ precision: null, recall: null, f1: null });
    expect(scores.non_crisis).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it("gives f1 = 0 when precision and recall are both 0", () => {
    const scores = scoreLabels([item("en", "crisis_violence", null), item("en", "non_crisis", "violence")]);
    expect(scores.crisis_violence).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe("scoreCrisis", () => {
  const items = [
    item("en", "crisis_suicide", "suicide", 0.5),
    item("en", "crisis_violence", "suicide", 0.7),
    item("zh", "crisis_medical", null, 0.2),
    item("zh", "crisis_medical", "medical", 0.9),
    item("zh", "non_crisis", null, 0.1),
    item("en", "non_crisis", "violence", 4),
    item("en", "non_crisis", null, 0.3),
    item("zh", "non_crisis", null, 0.4),
  ];
  const metrics = scoreCrisis(items);

  it("computes the headline rates", () => {
    expect(metrics.overall_crisis_recall).toBe(3 / 4);
    expect(metrics.false_positive_rate).toBe(1 / 4);
    expect(metrics.category_accuracy).toBe(2 / 4);
  });

  it("splits by language", () => {
    expect(Object.keys(metrics.by_lang)).toEqual(["en", "zh"]);
    expect(metrics.by_lang.zh!.crisis_medical.recall).toBe(1 / 2);
    expect(metrics.by_lang.en!.crisis_violence).toEqual({ precision: 0, recall: 1, f1: 0 });
  });

  it("fills the confusion matrix by expected and predicted label", () => {
    expect(metrics.confusion.crisis_violence.crisis_suicide).toBe(1);
    expect(metrics.confusion.crisis_medical.non_crisis).toBe(1);
    expect(metrics.confusion.non_crisis.crisis_violence).toBe(1);
    expect(metrics.confusion.non_crisis.non_crisis).toBe(3);
  });

  it("reports nearest-rank percentiles of detection time", () => {
    expect(metrics.p50_ms).toBe(0.4);
    expect(metrics.p95_ms).toBe(4);
  });
});

describe("helpers", () => {
  it("percentile uses the nearest rank and handles empty input", () => {
    expect(percentile([3, 1, 2, 4], 50)).toBe(2);
    expect(percentile([3, 1, 2, 4], 100)).toBe(4);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNull();
  });

  it("names a prediction by its label", () => {
    expect(predictedLabel(null)).toBe("non_crisis");
    expect(predictedLabel("violence")).toBe("crisis_violence");
  });
});

describe("tiers", () => {
  it("splits each label's flags into crisis and check-in, and counts only crisis-tier false alarms as paging", () => {
    const metrics = scoreCrisis([
      { ...item("en", "crisis_suicide", "suicide"), tier: "crisis" },
      { ...item("en", "crisis_suicide", "suicide"), tier: "check_in" },
      { ...item("en", "crisis_suicide", null), tier: null },
      { ...item("en", "non_crisis", "medical"), tier: "check_in" },
      { ...item("en", "non_crisis", "violence"), tier: "crisis" },
      { ...item("en", "non_crisis", null), tier: null },
      { ...item("en", "non_crisis", null), tier: null },
    ]);
    expect(metrics.tiers.crisis_suicide).toEqual({ crisis: 1 / 3, check_in: 1 / 3 });
    expect(metrics.tiers.non_crisis).toEqual({ crisis: 1 / 4, check_in: 1 / 4 });
    expect(metrics.tiers.crisis_medical).toEqual({ crisis: null, check_in: null });
    expect(metrics.false_positive_rate).toBe(2 / 4);
    expect(metrics.crisis_tier_false_positive_rate).toBe(1 / 4);
  });
});

import { describe, expect, it } from "vitest";
import type { ClassifierResult } from "./classifier/model";
import { combineVerdicts, isCrisisReply } from "./detect";
import type { CrisisVerdict } from "@/db/schema/crisis-types";

const thresholds = { crisis: 0.9, checkIn: 0.6, confidentNonCrisis: 0.95, dismissNonCrisis: 0.99 };
const none: CrisisVerdict = { category: null, level: null, evidence: [] };
const ruleHit = (level: "imminent" | "high" | "concern"): CrisisVerdict => ({
  category: "suicide",
  level,
  evidence: [{ phrase: "want to die", rule: "en.s.want_die", category: "suicide", level }],
});
const learned = (scores: Partial<ClassifierResult["scores"]>, nonCrisis: number): ClassifierResult => ({
  scores: { suicide: 0, medical: 0, violence: 0, ...scores },
  evidence: { suicide: "clause s", medical: "clause m", violence: "clause v" },
  nonCrisis,
});

describe("combineVerdicts", () => {
  it("flags a category the rules missed: crisis past the crisis threshold, check-in past the check-in one", () => {
    const crisis = combineVerdicts(none, learned({ medical: 0.93 }, 0.05), thresholds);
    expect(crisis).toMatchObject({ category: "medical", level: "high" });
    expect(crisis.evidence[0]).toMatchObject({ rule: "classifier:medical", phrase: "clause m" });
    expect(isCrisisReply(crisis)).toBe(true);
    const checkIn = combineVerdicts(none, learned({ violence: 0.7 }, 0.3), thresholds);
    expect(checkIn).toMatchObject({ category: "violence", level: "concern" });
    expect(isCrisisReply(checkIn)).toBe(false);
    expect(combineVerdicts(none, learned({ suicide: 0.59 }, 0.4), thresholds).level).toBeNull();
  });

  it("keeps a rule's crisis unless the model is confident the message is none", () => {
    expect(combineVerdicts(ruleHit("high"), learned({ suicide: 0.1 }, 0.9), thresholds).level).toBe("high");
    expect(combineVerdicts(ruleHit("imminent"), learned({}, 0.94), thresholds).level).toBe("imminent");
  });

  it("turns a rule's crisis into a check-in when the model is confident it is none (asked, not paged)", () => {
    const verdict = combineVerdicts(ruleHit("imminent"), learned({ suicide: 0.01 }, 0.99), thresholds);
    expect(verdict).toMatchObject({ category: "suicide", level: "concern" });
    expect(verdict.evidence[0]!.rule).toBe("en.s.want_die");
  });

  it("drops a rule's non-imminent hit past the dismissal threshold, and keeps an imminent one as a check-in", () => {
    expect(combineVerdicts(ruleHit("high"), learned({}, 0.995), thresholds)).toMatchObject({ category: null, level: null });
    expect(combineVerdicts(ruleHit("imminent"), learned({}, 0.995), thresholds)).toMatchObject({ category: "suicide", level: "concern" });
  });

  it("never lowers evidence carried from earlier turns", () => {
    const recent: CrisisVerdict = {
      category: "suicide",
      level: "high",
      evidence: [{ phrase: "took the pills", rule: "recent:en.s.overdose", category: "suicide", level: "high" }],
    };
    expect(combineVerdicts(recent, learned({}, 0.999), thresholds).level).toBe("high");
  });

  it("never lowers a rule's crisis while any category reaches check-in", () => {
    const verdict = combineVerdicts(ruleHit("high"), learned({ violence: 0.65 }, 0.96), thresholds);
    expect(verdict.level).toBe("high");
    expect(verdict.category).toBe("suicide");
  });

  it("keeps suicide before violence before medical among crisis-tier evidence", () => {
    const verdict = combineVerdicts(none, learned({ medical: 0.99, violence: 0.95, suicide: 0.7 }, 0), thresholds);
    expect(verdict.category).toBe("violence");
    expect(verdict.scores).toEqual({ suicide: 0.7, medical: 0.99, violence: 0.95 });
  });
});

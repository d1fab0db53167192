/** The crisis verdict's vocabulary, shared by the rules, the classifier and everyone who reads a verdict. */
export type CrisisCategory = "suicide" | "medical" | "violence";
export type CrisisLevel = "imminent" | "high" | "concern";
export interface CrisisEvidence {
  phrase: string;
  rule: string;
  category: CrisisCategory;
  level: CrisisLevel;
}
export interface CrisisVerdict {
  category: CrisisCategory | null;
  level: CrisisLevel | null;
  evidence: CrisisEvidence[];
  /** The classifier's calibrated probability per category (0–1), for the log and analytics. */
  scores?: Record<CrisisCategory, number>;
}

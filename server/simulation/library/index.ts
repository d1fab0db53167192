import { type CaseCard, caseCardSchema } from "@/db/schema/case-card";
import cardiologyChestPainIndigestionEn from "./cardiology-chest-pain-indigestion-en.json";
import cardiologyHypertensionZh from "./cardiology-hypertension-zh.json";
import dermatologyChangingMoleEn from "./dermatology-changing-mole-en.json";
import endocrinologyHypothyroidZh from "./endocrinology-hypothyroid-zh.json";
import endocrinologyNewDiabetesEn from "./endocrinology-new-diabetes-en.json";
import giBlackStoolsZh from "./gi-black-stools-zh.json";
import giRefluxZh from "./gi-reflux-zh.json";
import neurologyMigraineZh from "./neurology-migraine-zh.json";
import neurologyStrokeJustTiredEn from "./neurology-stroke-just-tired-en.json";
import oncologyBreastLumpEn from "./oncology-breast-lump-en.json";
import oncologyDespairNightZh from "./oncology-despair-night-zh.json";
import pediatricsToddlerFeverZh from "./pediatrics-toddler-fever-zh.json";
import psychiatryLowMoodEn from "./psychiatry-low-mood-en.json";
import psychiatryTeenSelfHarmZh from "./psychiatry-teen-self-harm-zh.json";
import respiratoryAsthmaEn from "./respiratory-asthma-en.json";

/** The starter library: well-known teaching cases in Chinese and English, crisis cases included. Keys are stable: they make "add starter cases" idempotent. */
const RAW: Record<string, unknown> = {
  "cardiology-chest-pain-indigestion-en": cardiologyChestPainIndigestionEn,
  "cardiology-hypertension-zh": cardiologyHypertensionZh,
  "dermatology-changing-mole-en": dermatologyChangingMoleEn,
  "endocrinology-hypothyroid-zh": endocrinologyHypothyroidZh,
  "endocrinology-new-diabetes-en": endocrinologyNewDiabetesEn,
  "gi-black-stools-zh": giBlackStoolsZh,
  "gi-reflux-zh": giRefluxZh,
  "neurology-migraine-zh": neurologyMigraineZh,
  "neurology-stroke-just-tired-en": neurologyStrokeJustTiredEn,
  "oncology-breast-lump-en": oncologyBreastLumpEn,
  "oncology-despair-night-zh": oncologyDespairNightZh,
  "pediatrics-toddler-fever-zh": pediatricsToddlerFeverZh,
  "psychiatry-low-mood-en": psychiatryLowMoodEn,
  "psychiatry-teen-self-harm-zh": psychiatryTeenSelfHarmZh,
  "respiratory-asthma-en": respiratoryAsthmaEn,
};

export interface StarterCase {
  key: string;
  card: CaseCard;
}

/** Parsed once at load, so a defaulted field is filled the same way for every organization. */
export const STARTER_CASES: StarterCase[] = Object.entries(RAW).map(([key, raw]) => ({ key, card: caseCardSchema.parse(raw) }));

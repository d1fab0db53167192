/**
 * The crisis classifier's model: a multinomial logistic regression over hashed features
 * (./features.ts), trained by `npm run train:crisis` into ./crisis-model.json. In-process, no
 * network, no model server: it runs on every patient message next to the rules.
 */
import type { CrisisCategory } from "@/db/schema/crisis-types";
import { FEATURE_BITS, type FeatureVector, messageWindows } from "./features";

export const MODEL_CLASSES = ["non_crisis", "suicide", "medical", "violence"] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];
const CATEGORY_CLASSES = [1, 2, 3] as const;

/** The committed artifact's shape (bench/train-crisis.ts writes it). */
export interface CrisisModelArtifact {
  format: 1;
  featureBits: number;
  classes: readonly string[];
  /** Softmax temperature fitted on out-of-fold predictions (calibration). */
  temperature: number;
  /** Minimum calibrated probability of a category for each tier. */
  thresholds: CrisisThresholds;
  bias: number[];
  /** Int8 weights, bucket-major (bucket * classes + class), each class scaled by `scale[class]`. */
  scale: number[];
  weights: string;
  corpus: { sha256: string; messages: number; byLabel: Record<string, number> };
}

/** Dense float weights decoded from an artifact, ready to score. */
export interface CrisisThresholds {
  crisis: number;
  checkIn: number;
  /**
   * Whole-message probability of non_crisis at or above which, with no category at check-in
   * anywhere, a rule's crisis hit is taken as a check-in: the context (a novel, a nurse's question,
   * a joke) says it is probably not a crisis, so the patient is asked rather than a human paged.
   */
  confidentNonCrisis: number;
  /** Stricter: past it a rule's non-imminent hit in this message is dropped (imminent ones become check-ins). */
  dismissNonCrisis: number;
}

export interface LoadedModel {
  temperature: number;
  thresholds: CrisisThresholds;
  bias: Float32Array;
  weights: Float32Array;
}

export function loadModel(a: CrisisModelArtifact): LoadedModel {
  if (a.format !== 1 || a.featureBits !== FEATURE_BITS || a.classes.join() !== MODEL_CLASSES.join()) {
    throw new Error("crisis-model.json does not match this code's features; run npm run train:crisis");
  }
  const raw = Buffer.from(a.weights, "base64");
  const k = MODEL_CLASSES.length;
  const weights = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) weights[i] = raw.readInt8(i) * a.scale[i % k]!;
  return { temperature: a.temperature, thresholds: a.thresholds, bias: Float32Array.from(a.bias), weights };
}

/** Calibrated class probabilities of one feature vector. */
export function probabilities(model: Pick<LoadedModel, "bias" | "weights" | "temperature">, x: FeatureVector): Float64Array {
  const k = MODEL_CLASSES.length;
  const logits = new Float64Array(k);
  for (let c = 0; c < k; c++) logits[c] = model.bias[c]!;
  for (let i = 0; i < x.ids.length; i++) {
    const base = x.ids[i]! * k;
    const v = x.values[i]!;
    for (let c = 0; c < k; c++) logits[c]! += v * model.weights[base + c]!;
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, logits[c]! / model.temperature);
  let sum = 0;
  for (let c = 0; c < k; c++) {
    logits[c] = Math.exp(logits[c]! / model.temperature - max);
    sum += logits[c]!;
  }
  for (let c = 0; c < k; c++) logits[c]! /= sum;
  return logits;
}

export type CategoryScores = Record<CrisisCategory, number>;

/** The highest score per category and the text (whole message or clause window) that scored it. */
export interface ClassifierResult {
  scores: CategoryScores;
  evidence: Record<CrisisCategory, string>;
  /** Probability that the whole message is not a crisis. */
  nonCrisis: number;
}

/**
 * Per category, the highest calibrated probability over the whole message and each of its clause
 * windows: a crisis among routine questions is judged on its own clause.
 */
export function categoryScores(model: LoadedModel, raw: string): ClassifierResult {
  const scores: CategoryScores = { suicide: 0, medical: 0, violence: 0 };
  const evidence: Record<CrisisCategory, string> = { suicide: "", medical: "", violence: "" };
  const { texts, vectors } = messageWindows(raw);
  let nonCrisis = 0;
  vectors.forEach((x, w) => {
    const p = probabilities(model, x);
    if (w === 0) nonCrisis = p[0]!;
    for (const c of CATEGORY_CLASSES) {
      const category = MODEL_CLASSES[c] as CrisisCategory;
      if (p[c]! > scores[category]) {
        scores[category] = p[c]!;
        evidence[category] = texts[w]!;
      }
    }
  });
  return { scores, evidence, nonCrisis };
}

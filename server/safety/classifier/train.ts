/**
 * Training of the crisis classifier: multinomial logistic regression by AdaGrad over hashed
 * features, deterministic (seeded shuffle, fixed order of operations) so the same corpus gives the
 * same artifact byte for byte. Pure: bench/train-crisis.ts does the I/O.
 */
import { seededRandom } from "@/server/lib/random";
import { FEATURE_BITS, type FeatureVector, messageWindows } from "./features";
import { MODEL_CLASSES, probabilities, type CrisisModelArtifact, type CrisisThresholds } from "./model";

const K = MODEL_CLASSES.length;
const BUCKETS = 1 << FEATURE_BITS;

export interface TrainingExample {
  /** The message as written (windows are cut from the raw text, then normalized). */
  text: string;
  /** Index into MODEL_CLASSES. */
  label: number;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Loss weight per class: missing a crisis costs more than a false alarm. */
  classWeights: number[];
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 12,
  learningRate: 0.4,
  l2: 1e-6,
  seed: 20261207,
  classWeights: [1, 1.6, 1.6, 1.8],
};

function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export interface TrainedWeights {
  bias: Float32Array;
  weights: Float32Array;
}

export function train(vectors: FeatureVector[], labels: number[], options: TrainOptions = DEFAULT_TRAIN_OPTIONS): TrainedWeights {
  const weights = new Float32Array(BUCKETS * K);
  const gradSq = new Float32Array(BUCKETS * K);
  const bias = new Float32Array(K);
  const biasGradSq = new Float32Array(K);
  const random = seededRandom(options.seed);
  const model = { bias, weights, temperature: 1 };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const index of shuffled(vectors.length, random)) {
      const x = vectors[index]!;
      const y = labels[index]!;
      const p = probabilities(model, x);
      const w = options.classWeights[y]!;
      for (let c = 0; c < K; c++) {
        const g = w * (p[c]! - (c === y ? 1 : 0));
        biasGradSq[c]! += g * g;
        bias[c]! -= (options.learningRate * g) / Math.sqrt(biasGradSq[c]! + 1e-8);
        for (let i = 0; i < x.ids.length; i++) {
          const at = x.ids[i]! * K + c;
          const gi = g * x.values[i]! + options.l2 * weights[at]!;
          gradSq[at]! += gi * gi;
          weights[at]! -= (options.learningRate * gi) / Math.sqrt(gradSq[at]! + 1e-8);
        }
      }
    }
  }
  return { bias, weights };
}

/**
 * Out-of-fold class probabilities (temperature 1) of each example, whole message first, then each of
 * its clause windows: what inference would have seen had the example not been trained on.
 */
export function crossValidate(examples: TrainingExample[], folds: number, options: TrainOptions): number[][][] {
  const windows = examples.map((e) => messageWindows(e.text));
  const order = shuffled(examples.length, seededRandom(options.seed ^ 0x5bd1e995));
  const foldOf = new Int32Array(examples.length);
  order.forEach((index, rank) => (foldOf[index] = rank % folds));
  const out: number[][][] = new Array(examples.length);
  for (let f = 0; f < folds; f++) {
    const trainIdx = examples.map((_, i) => i).filter((i) => foldOf[i] !== f);
    const model = {
      ...train(
        trainIdx.map((i) => windows[i]!.vectors[0]!),
        trainIdx.map((i) => examples[i]!.label),
        options,
      ),
      temperature: 1,
    };
    for (let i = 0; i < examples.length; i++) {
      if (foldOf[i] !== f) continue;
      out[i] = windows[i]!.vectors.map((x) => Array.from(probabilities(model, x)));
    }
  }
  return out;
}

/** Highest category probability over an example's windows, after tempering: what the tiers compare. */
export function maxCategoryScore(windows: number[][], temperature: number): { score: number; category: number } {
  let score = 0;
  let category = 1;
  for (const p of windows) {
    const q = temper(p, temperature);
    for (let c = 1; c < K; c++) {
      if (q[c]! > score) {
        score = q[c]!;
        category = c;
      }
    }
  }
  return { score, category };
}

/** Temperature that minimizes the out-of-fold negative log-likelihood (grid search, deterministic). */
export function fitTemperature(whole: number[][], labels: number[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.5; t <= 3.0001; t += 0.05) {
    let loss = 0;
    for (let i = 0; i < whole.length; i++) {
      const logp = whole[i]!.map((p) => Math.log(Math.max(p, 1e-12)) / t);
      const max = Math.max(...logp);
      const z = logp.reduce((s, v) => s + Math.exp(v - max), 0);
      loss -= logp[labels[i]!]! - max - Math.log(z);
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

/** Re-temper probabilities computed at temperature 1 (softmax of log p / t). */
export function temper(p: readonly number[], t: number): number[] {
  const logp = p.map((v) => Math.log(Math.max(v, 1e-12)) / t);
  const max = Math.max(...logp);
  const e = logp.map((v) => Math.exp(v - max));
  const z = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / z);
}

/**
 * The lowest score threshold at which at most `maxFalsePositiveRate` of the non-crisis examples
 * reach it, given each example's highest category score.
 */
export function thresholdForFalsePositiveRate(nonCrisisScores: number[], maxFalsePositiveRate: number): number {
  const sorted = [...nonCrisisScores].sort((a, b) => b - a);
  const allowed = Math.floor(sorted.length * maxFalsePositiveRate);
  const value = sorted[allowed] ?? 0;
  return Math.round((value + 1e-4) * 10_000) / 10_000;
}

/** Int8 quantization per class, so the artifact stays small (about 1.4 MB as base64). */
export function quantize(weights: Float32Array): { scale: number[]; bytes: Buffer } {
  const scale = Array.from({ length: K }, (_, c) => {
    let max = 0;
    for (let i = c; i < weights.length; i += K) max = Math.max(max, Math.abs(weights[i]!));
    return max === 0 ? 1 : max / 127;
  });
  const bytes = Buffer.alloc(weights.length);
  for (let i = 0; i < weights.length; i++) bytes.writeInt8(Math.round(weights[i]! / scale[i % K]!), i);
  return { scale: scale.map((s) => Number(s.toPrecision(9))), bytes };
}

export function toArtifact(
  trained: TrainedWeights,
  calibration: { temperature: number; thresholds: CrisisThresholds },
  corpus: CrisisModelArtifact["corpus"],
): CrisisModelArtifact {
  const { scale, bytes } = quantize(trained.weights);
  return {
    format: 1,
    featureBits: FEATURE_BITS,
    classes: MODEL_CLASSES,
    temperature: calibration.temperature,
    thresholds: calibration.thresholds,
    bias: Array.from(trained.bias, (b) => Number(b.toPrecision(9))),
    scale,
    weights: bytes.toString("base64"),
    corpus,
  };
}

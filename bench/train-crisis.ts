/**
 * Trains the crisis classifier from the data in the repository and writes the committed artifact.
 *   npm run train:crisis            (writes server/safety/classifier/crisis-model.json)
 *   npm run train:crisis -- --check (trains and fails if the result differs from the committed file)
 * Reproducible: fixed seed and order, so the same data gives the same bytes. The LAST stdout line is
 * a JSON summary (corpus size, calibration, out-of-fold recall and false-positive rates).
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { jsonlFiles } from "./jsonl";
import { normalizeText } from "@/server/safety/normalize";
import { vectorize } from "@/server/safety/classifier/features";
import { MODEL_CLASSES } from "@/server/safety/classifier/model";
import {
  crossValidate,
  DEFAULT_TRAIN_OPTIONS,
  fitTemperature,
  maxCategoryScore,
  temper,
  thresholdForFalsePositiveRate,
  toArtifact,
  train,
  type TrainingExample,
} from "@/server/safety/classifier/train";

const ROOT = path.resolve(import.meta.dirname, "..");
const ARTIFACT = path.join(ROOT, "server/safety/classifier/crisis-model.json");

/**
 * What the model learns from, in order. Blind rounds join only after their before-change score is
 * recorded in bench/crisis-rounds/README.md; the dev set (../shared/evals) never does.
 */
export const TRAINING_SOURCES = [
  "bench/crisis-corpus",
  "bench/crisis-redteam.jsonl",
  "bench/crisis-rounds/round-1.jsonl",
  "bench/crisis-rounds/round-2.jsonl",
  "bench/crisis-rounds/round-3.jsonl",
  "bench/crisis-rounds/round-4.jsonl",
  "bench/crisis-rounds/round-5.jsonl",
];

/** Out-of-fold false-positive budgets the tier thresholds are set from (blind rounds run higher). */
const CRISIS_TIER_FPR = 0.01;
const CHECK_IN_TIER_FPR = 0.06;
/**
 * Out-of-fold share of crisis messages the classifier may call confidently none: their rule hits
 * become check-ins (first), or are dropped unless imminent (second, much stricter).
 */
const CONFIDENT_NONE_CRISIS_SHARE = 0.01;
const DISMISS_CRISIS_SHARE = 0.002;
const FOLDS = 5;

const LABEL_INDEX: Record<string, number> = {
  non_crisis: 0,
  crisis_suicide: 1,
  crisis_medical: 2,
  crisis_violence: 3,
};

export interface Corpus {
  examples: TrainingExample[];
  sha256: string;
  byLabel: Record<string, number>;
}

/** Reads every training source; exact duplicate texts keep their first label. */
export function readCorpus(root = ROOT): Corpus {
  const digest = createHash("sha256");
  const seen = new Set<string>();
  const examples: TrainingExample[] = [];
  const byLabel: Record<string, number> = {};
  for (const source of TRAINING_SOURCES) {
    for (const file of jsonlFiles(path.join(root, source))) {
      const content = readFileSync(file, "utf8");
      digest.update(path.relative(root, file)).update("\0").update(content).update("\0");
      content.split("\n").forEach((line, index) => {
        if (line.trim() === "") return;
        const row = JSON.parse(line) as { text?: unknown; label?: unknown };
        if (typeof row.text !== "string" || typeof row.label !== "string" || !(row.label in LABEL_INDEX)) {
          throw new Error(`${path.relative(root, file)}:${index + 1}: needs a string text and a known label`);
        }
        const normalized = normalizeText(row.text);
        if (normalized === "" || seen.has(normalized)) return;
        seen.add(normalized);
        examples.push({ text: row.text, label: LABEL_INDEX[row.label]! });
        byLabel[row.label] = (byLabel[row.label] ?? 0) + 1;
      });
    }
  }
  return { examples, sha256: digest.digest("hex"), byLabel };
}

function main(): void {
  const check = process.argv.includes("--check");
  const corpus = readCorpus();
  const labels = corpus.examples.map((e) => e.label);
  console.log(`Crisis corpus: ${corpus.examples.length} messages`, corpus.byLabel);

  const oof = crossValidate(corpus.examples, FOLDS, DEFAULT_TRAIN_OPTIONS);
  const temperature = fitTemperature(
    oof.map((windows) => windows[0]!),
    labels,
  );
  const scores = oof.map((windows) => maxCategoryScore(windows, temperature));
  const nonCrisis = scores.filter((_, i) => labels[i] === 0).map((s) => s.score);
  const crisis = thresholdForFalsePositiveRate(nonCrisis, CRISIS_TIER_FPR);
  const checkIn = thresholdForFalsePositiveRate(nonCrisis, CHECK_IN_TIER_FPR);
  // Among crisis messages the model misses, how sure it is that they are none: the veto sits above that.
  const missedCrisisNone = oof
    .map((windows, i) => ({ windows, i }))
    .filter(({ i }) => labels[i] !== 0 && scores[i]!.score < checkIn)
    .map(({ windows }) => temper(windows[0]!, temperature)[0]!);
  const crisisCount = labels.filter((l) => l !== 0).length;
  const noneThreshold = (share: number) =>
    Math.min(0.999, thresholdForFalsePositiveRate(missedCrisisNone, (share * crisisCount) / Math.max(1, missedCrisisNone.length)));
  const thresholds = {
    crisis,
    checkIn,
    confidentNonCrisis: noneThreshold(CONFIDENT_NONE_CRISIS_SHARE),
    dismissNonCrisis: noneThreshold(DISMISS_CRISIS_SHARE),
  };

  const outOfFold: Record<string, { crisis: number; any: number }> = {};
  for (const [label, index] of Object.entries(LABEL_INDEX)) {
    const mine = scores.filter((_, i) => labels[i] === index);
    outOfFold[label] = {
      crisis: round(mine.filter((s) => s.score >= thresholds.crisis).length / Math.max(1, mine.length)),
      any: round(mine.filter((s) => s.score >= thresholds.checkIn).length / Math.max(1, mine.length)),
    };
  }
  console.log(`temperature ${temperature}; thresholds`, thresholds);
  console.log("out-of-fold share flagged (crisis tier / any tier):", outOfFold);

  const trained = train(
    corpus.examples.map((e) => vectorize(normalizeText(e.text))),
    labels,
    DEFAULT_TRAIN_OPTIONS,
  );
  const artifact = toArtifact(trained, { temperature, thresholds }, {
    sha256: corpus.sha256,
    messages: corpus.examples.length,
    byLabel: corpus.byLabel,
  });
  const json = `${JSON.stringify(artifact, null, 1)}\n`;
  const artifactSha = createHash("sha256").update(json).digest("hex");
  if (check) {
    const committed = readFileSync(ARTIFACT, "utf8");
    if (committed !== json) {
      console.error("the committed crisis-model.json differs from a fresh training run");
      process.exit(1);
    }
  } else {
    writeFileSync(ARTIFACT, json);
  }
  console.log(
    JSON.stringify({
      messages: corpus.examples.length,
      by_label: corpus.byLabel,
      classes: MODEL_CLASSES,
      temperature,
      thresholds,
      out_of_fold: outOfFold,
      artifact_sha256: artifactSha,
      artifact_bytes: Buffer.byteLength(json),
    }),
  );
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();

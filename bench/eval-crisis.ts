/**
 * Crisis-detector evaluation.
 *   npx tsx bench/eval-crisis.ts --data <file.jsonl | folder of .jsonl>
 * Lines: {"id","lang","text","label"} with label crisis_suicide | crisis_medical | crisis_violence | non_crisis.
 * Prints a readable report; the LAST stdout line is one JSON object with the headline metrics.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { jsonlFiles } from "./jsonl";
import { performance } from "node:perf_hooks";
import { assessCrisis, isCrisisReply, type CrisisVerdict } from "@/server/safety/detect";
import {
  LABELS,
  predictedLabel,
  scoreCrisis,
  type CrisisLabel,
  type LabelScore,
  type LabelScores,
  type ScoredItem,
} from "./crisis-metrics";

interface EvalRecord {
  id: string;
  lang: string;
  text: string;
  label: CrisisLabel;
}

const WARM_UP_ROUNDS = 3;

function dataPathFromArgs(argv: string[]): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--data" && argv[i + 1]) return path.resolve(argv[i + 1]!);
    if (arg.startsWith("--data=")) return path.resolve(arg.slice("--data=".length));
  }
  return path.resolve(process.cwd(), "../shared/evals/crisis-dev");
}

/** "zh-CN", "zh-Hant" → "zh"; "en-GB" → "en": the targets are per language, not per locale. */
function baseLang(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? lang;
}

function readRecords(files: string[]): EvalRecord[] {
  const records: EvalRecord[] = [];
  for (const file of files) {
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, index) => {
        if (line.trim() === "") return;
        const where = `${path.basename(file)}:${index + 1}`;
        let row: unknown;
        try {
          row = JSON.parse(line);
        } catch {
          console.error(`skipping ${where}: not JSON`);
          return;
        }
        const { id, lang, text, label } = (row ?? {}) as Record<string, unknown>;
        const valid =
          typeof id === "string" &&
          typeof lang === "string" &&
          typeof text === "string" &&
          typeof label === "string" &&
          (LABELS as readonly string[]).includes(label);
        if (!valid) {
          console.error(`skipping ${where}: needs string id, lang, text and a known label`);
          return;
        }
        records.push({ id, lang: baseLang(lang), text, label: label as CrisisLabel });
      });
  }
  return records;
}

const fmt = (value: number | null, digits = 3) => (value === null ? "  n/a" : value.toFixed(digits));
const round = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);
const roundScore = (s: LabelScore): LabelScore => ({
  precision: round(s.precision),
  recall: round(s.recall),
  f1: round(s.f1),
});
const roundScores = (scores: LabelScores) =>
  Object.fromEntries(LABELS.map((label) => [label, roundScore(scores[label])])) as LabelScores;

function printScores(title: string, scores: LabelScores): void {
  console.log(`\n${title}`);
  console.log(`  ${"label".padEnd(16)} precision  recall     f1`);
  for (const label of LABELS) {
    const s = scores[label];
    console.log(`  ${label.padEnd(16)} ${fmt(s.precision).padStart(9)} ${fmt(s.recall).padStart(7)} ${fmt(s.f1).padStart(6)}`);
  }
}

function main(): void {
  const target = dataPathFromArgs(process.argv.slice(2));
  const records = readRecords(jsonlFiles(target));
  if (records.length === 0) {
    console.error(`no usable records in ${target}`);
    process.exit(1);
  }

  // Warm-up so JIT compilation does not land in the timings.
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const record of records) assessCrisis({ message: record.text });
  }
  const verdicts = new Map<string, CrisisVerdict>();
  const items: ScoredItem[] = records.map((record) => {
    const start = performance.now();
    const verdict = assessCrisis({ message: record.text });
    const ms = performance.now() - start;
    verdicts.set(record.id, verdict);
    const tier = verdict.category === null ? null : isCrisisReply(verdict) ? "crisis" : "check_in";
    return { lang: record.lang, label: record.label, predicted: verdict.category, tier, ms };
  });
  const metrics = scoreCrisis(items);

  console.log(`Crisis evaluation: ${records.length} messages from ${target}`);
  printScores("All languages", metrics);
  for (const [lang, scores] of Object.entries(metrics.by_lang)) printScores(`Language: ${lang}`, scores);

  console.log("\nConfusion matrix (rows = expected, columns = predicted)");
  console.log(`  ${"".padEnd(16)}${LABELS.map((l) => l.padStart(16)).join("")}`);
  for (const expected of LABELS) {
    console.log(`  ${expected.padEnd(16)}${LABELS.map((got) => String(metrics.confusion[expected][got]).padStart(16)).join("")}`);
  }

  console.log(
    `\noverall_crisis_recall ${fmt(metrics.overall_crisis_recall)}  false_positive_rate ${fmt(metrics.false_positive_rate)}  category_accuracy ${fmt(metrics.category_accuracy)}`,
  );
  console.log(`crisis-tier false_positive_rate ${fmt(metrics.crisis_tier_false_positive_rate)}`);
  console.log("\nShare of each label flagged (crisis tier / check-in tier)");
  for (const label of LABELS) {
    console.log(`  ${label.padEnd(16)} ${fmt(metrics.tiers[label].crisis)} / ${fmt(metrics.tiers[label].check_in)}`);
  }
  console.log(`detection time p50 ${fmt(metrics.p50_ms, 4)} ms  p95 ${fmt(metrics.p95_ms, 4)} ms`);

  const misses = records.filter((record, index) => predictedLabel(items[index]!.predicted) !== record.label);
  console.log(`\nMisses (${misses.length})`);
  for (const record of misses) {
    const verdict = verdicts.get(record.id)!;
    const got = verdict.category === null ? "non_crisis" : `${predictedLabel(verdict.category)} (${verdict.level})`;
    const evidence = verdict.evidence.map((e) => `${e.rule}: "${e.phrase}"`).join("; ") || "-";
    console.log(`  ${record.id} [${record.lang}] expected ${record.label}, got ${got}\n    text: ${record.text}\n    evidence: ${evidence}`);
  }

  const byLang: Record<string, LabelScores> = {};
  for (const lang of new Set(["en", "zh", ...Object.keys(metrics.by_lang)])) {
    byLang[lang] = roundScores(metrics.by_lang[lang] ?? scoreCrisis([]));
  }
  const summary = {
    ...roundScores(metrics),
    by_lang: byLang,
    overall_crisis_recall: round(metrics.overall_crisis_recall),
    false_positive_rate: round(metrics.false_positive_rate),
    crisis_tier_false_positive_rate: round(metrics.crisis_tier_false_positive_rate),
    tiers: Object.fromEntries(
      LABELS.map((label) => [label, { crisis: round(metrics.tiers[label].crisis), check_in: round(metrics.tiers[label].check_in) }]),
    ),
    category_accuracy: round(metrics.category_accuracy),
    p95_ms: round(metrics.p95_ms),
  };
  console.log(JSON.stringify(summary));
}

main();

import { describe, expect, it } from "vitest";
import { readCorpus } from "@/bench/train-crisis";
import { normalizeText } from "../normalize";
import artifact from "./crisis-model.json";
import { classifyMessage } from "./committed";
import { clauseTexts, featureNames, messageWindows, vectorize } from "./features";
import { loadModel, type CrisisModelArtifact } from "./model";
import { DEFAULT_TRAIN_OPTIONS, fitTemperature, quantize, thresholdForFalsePositiveRate, toArtifact, train } from "./train";

describe("features", () => {
  it("marks words after a negation, so 'not suicidal' is not the same evidence as 'suicidal'", () => {
    const names = featureNames(normalizeText("I'm not suicidal"));
    expect(names).toContain("w:suicidal");
    expect(names).toContain("n:suicidal");
    expect(featureNames(normalizeText("I feel suicidal"))).not.toContain("n:suicidal");
  });

  it("emits a concept for a word of its lexicon, in either language", () => {
    expect(featureNames(normalizeText("I bought a rope"))).toContain("k:means");
    expect(featureNames(normalizeText("我买了农药"))).toContain("k:means");
    expect(featureNames(normalizeText("what time is my appointment"))).not.toContain("k:means");
  });

  it("reads Chinese as characters, bigrams and trigrams, and Traditional as Simplified", () => {
    const names = featureNames(normalizeText("不想活了"));
    expect(names).toEqual(expect.arrayContaining(["w:不", "b:不 想", "t:不想活"]));
    expect(featureNames(normalizeText("不想活了，想離開"))).toEqual(expect.arrayContaining(["b:想 离"]));
  });

  it("gives sub-word n-grams for English words, so typos share most features", () => {
    const names = featureNames("suicdal");
    expect(names).toEqual(expect.arrayContaining(["c:<su", "c:sui", "c:dal>"]));
  });

  it("judges a long message whole, by clause and by adjacent pairs; a one-clause message only whole", () => {
    const text = "Can I move my appointment? I have the pills ready. Also where do I park?";
    expect(clauseTexts(text)).toEqual(["can i move my appointment", "i have the pills ready", "also where do i park"]);
    expect(messageWindows(text).texts).toHaveLength(1 + 3 + 2);
    expect(messageWindows(text).texts[4]).toBe("can i move my appointment i have the pills ready");
    expect(messageWindows("where do I park?").vectors).toHaveLength(1);
  });

  it("reads a space between Chinese phrases as a clause break, as phone typing uses it", () => {
    expect(clauseTexts("明天要空腹吗 对了 我今天头痛得厉害 看东西模糊")).toEqual(["明天要空腹吗", "我今天头痛得厉害", "看东西模糊"]);
  });

  it("L2-normalizes the vector with unique sorted ids", () => {
    const { ids, values } = vectorize("help help help me");
    expect([...ids]).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(values.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 5);
  });
});

describe("training", () => {
  const corpus = readCorpus();
  const sample = corpus.examples.filter((_, i) => i % 9 === 0);
  const options = { ...DEFAULT_TRAIN_OPTIONS, epochs: 2 };

  it("is reproducible: the same data gives the same artifact, byte for byte", () => {
    const once = () => {
      const trained = train(sample.map((e) => vectorize(normalizeText(e.text))), sample.map((e) => e.label), options);
      return JSON.stringify(toArtifact(trained, { temperature: 1, thresholds: { crisis: 0.9, checkIn: 0.5, confidentNonCrisis: 0.99, dismissNonCrisis: 0.995 } }, { sha256: "x", messages: 0, byLabel: {} }));
    };
    expect(once()).toBe(once());
  });

  it("the committed artifact was trained on the corpus as it is now (run npm run train:crisis after changing it)", () => {
    expect((artifact as CrisisModelArtifact).corpus.sha256).toBe(corpus.sha256);
    expect((artifact as CrisisModelArtifact).corpus.messages).toBe(corpus.examples.length);
  });

  it("quantizes within half a step of each weight", () => {
    const weights = Float32Array.from([0.5, -1, 2, 0, -0.25, 0.125, 1, -2]);
    const { scale, bytes } = quantize(weights);
    weights.forEach((w, i) => expect(Math.abs(bytes.readInt8(i) * scale[i % 4]! - w)).toBeLessThanOrEqual(scale[i % 4]! / 2 + 1e-9));
  });

  it("sets a threshold that lets at most the given share of non-crisis scores reach it", () => {
    const scores = Array.from({ length: 100 }, (_, i) => i / 100);
    const t = thresholdForFalsePositiveRate(scores, 0.05);
    expect(scores.filter((s) => s >= t).length).toBeLessThanOrEqual(5);
    expect(scores.filter((s) => s >= t - 0.02).length).toBeGreaterThan(5);
  });

  it("fits a temperature above 1 to over-confident predictions", () => {
    // Predictions that say 0.99 but are right only 3 times in 4 are over-confident.
    const whole = Array.from({ length: 40 }, () => [0.99, 0.01 / 3, 0.01 / 3, 0.01 / 3]);
    const labels = whole.map((_, i) => (i % 4 === 0 ? 1 : 0));
    expect(fitTemperature(whole, labels)).toBeGreaterThan(1.5);
  });
});

describe("the committed model", () => {
  const model = loadModel(artifact as CrisisModelArtifact);

  it("keeps its thresholds ordered: a crisis needs more than a check-in", () => {
    expect(model.thresholds.crisis).toBeGreaterThan(model.thresholds.checkIn);
  });

  it("judges a crisis in the middle of routine questions on its own clause", () => {
    const routine = "Hi, two questions about my bill and the parking validation. Do you take the new insurance card?";
    const hidden = `${routine} I've given my cat to my neighbour and written letters to everyone, tonight I'll take all the pills I saved. Also what time does the pharmacy close?`;
    const scores = classifyMessage(hidden).scores;
    expect(scores.suicide).toBeGreaterThan(classifyMessage(routine).scores.suicide);
    expect(scores.suicide).toBeGreaterThanOrEqual(model.thresholds.checkIn);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/server/env";
import { TINY_MODEL_DIMENSIONS, writeTinyEmbeddingModel } from "@/server/test/tiny-onnx-model";
import { createEmbedder } from "./index";
import { createOnnxEmbedder, importTransformers, TRANSFORMERS_PACKAGE, type TransformersModule } from "./onnx";

const dir = mkdtempSync(path.join(os.tmpdir(), "fenshen-onnx-"));
const modelPath = writeTinyEmbeddingModel(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The package is optional: installed with ONNXRUNTIME_NODE_INSTALL=skip where the ONNX embedder is wanted. */
const installed = await importTransformers().then(
  () => true,
  () => false,
);

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe("ONNX model folder embedder: loading and its errors", () => {
  it("is what the configuration picks when EMBEDDING_MODEL_PATH is set, sized from config.json", () => {
    const picked = createEmbedder(parseConfig({ EMBEDDING_MODEL_PATH: modelPath }));
    expect(picked.id).toBe(`onnx:tiny-embedder:${TINY_MODEL_DIMENSIONS}`);
    expect(picked.dimensions).toBe(TINY_MODEL_DIMENSIONS);
  });

  it("names what is missing from the folder", () => {
    expect(() => createOnnxEmbedder({ modelPath: path.join(dir, "nowhere"), batchSize: 8 })).toThrow(/EMBEDDING_MODEL_PATH: .*nowhere does not exist/);
    const partial = path.join(dir, "partial");
    mkdirSync(partial);
    writeFileSync(path.join(partial, "config.json"), "{}");
    expect(() => createOnnxEmbedder({ modelPath: partial, batchSize: 8 })).toThrow(/has no tokenizer\.json/);
    writeFileSync(path.join(partial, "tokenizer.json"), "{}");
    expect(() => createOnnxEmbedder({ modelPath: partial, batchSize: 8 })).toThrow(/has no onnx\/model\.onnx/);
    mkdirSync(path.join(partial, "onnx"));
    writeFileSync(path.join(partial, "onnx", "model.onnx"), "");
    expect(() => createOnnxEmbedder({ modelPath: partial, batchSize: 8 })).toThrow(/names no hidden_size; set EMBEDDING_DIMENSIONS/);
    expect(createOnnxEmbedder({ modelPath: partial, batchSize: 8, dimensions: 32 }).dimensions).toBe(32);
  });

  it("explains how to install the optional package when it is missing", async () => {
    const missing = Object.assign(new Error(`Cannot find package '${TRANSFORMERS_PACKAGE}'`), { code: "ERR_MODULE_NOT_FOUND" });
    const embedder = createOnnxEmbedder({
      modelPath,
      batchSize: 8,
      importModule: async () => {
        throw missing;
      },
    });
    // The injected loader throws the raw error; the real one translates it.
    await expect(embedder.embed(["x"])).rejects.toThrow(/Cannot find package/);
    if (!installed) await expect(importTransformers()).rejects.toThrow(/ONNXRUNTIME_NODE_INSTALL=skip npm install @huggingface\/transformers/);
  });

  it("never allows remote models, and reports a model that fails to load", async () => {
    const env = { allowRemoteModels: true, allowLocalModels: false };
    const fake: TransformersModule = {
      env,
      pipeline: async () => {
        throw new Error("protobuf parsing failed");
      },
    };
    const embedder = createOnnxEmbedder({ modelPath, batchSize: 8, importModule: async () => fake });
    await expect(embedder.ready()).rejects.toThrow(/the model in .*tiny-embedder failed to load: protobuf parsing failed/);
    expect(env).toMatchObject({ allowRemoteModels: false, allowLocalModels: true });
  });

  it("checks the size of the vectors the model returns", async () => {
    const fake: TransformersModule = {
      env: { allowRemoteModels: true, allowLocalModels: true },
      pipeline: async () => async (texts) => ({ dims: [texts.length, 3], tolist: () => texts.map(() => [1, 0, 0]) }),
    };
    const embedder = createOnnxEmbedder({ modelPath, batchSize: 8, importModule: async () => fake });
    await expect(embedder.embed(["a"])).rejects.toThrow(`returned 3-dimensional vectors, expected ${TINY_MODEL_DIMENSIONS}`);
  });
});

describe.skipIf(!installed)(`ONNX model folder embedder on a real (tiny) model through ${TRANSFORMERS_PACKAGE}`, () => {
  const embedder = createOnnxEmbedder({ modelPath, batchSize: 2 });

  it("loads the folder offline and embeds in batches, in order, normalised", async () => {
    await embedder.ready();
    const texts = ["knee joint pain", "salt and blood pressure", "how much salt per day", "sleep at night", "  "];
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(texts.length);
    for (const v of vectors.slice(0, 4)) {
      expect(v).toHaveLength(TINY_MODEL_DIMENSIONS);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    }
    const [knee, salt, saltQuestion, sleep] = vectors as [number[], number[], number[], number[]];
    expect(dot(salt, saltQuestion)).toBeGreaterThan(dot(knee, saltQuestion) + 0.5);
    expect(dot(salt, saltQuestion)).toBeGreaterThan(dot(sleep, saltQuestion) + 0.5);
    expect(await embedder.embed(["how much salt per day"])).toEqual([saltQuestion]);
  });
});

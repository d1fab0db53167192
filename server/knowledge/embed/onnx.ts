/**
 * A local ONNX sentence-embedding model folder (EMBEDDING_MODEL_PATH) run by transformers.js on the
 * CPU. Nothing is downloaded: remote models are switched off and the folder must hold config.json,
 * tokenizer.json (+ tokenizer_config.json) and onnx/model.onnx, as exported by Optimum or published
 * in the "Xenova/..." / "onnx-community/..." layout.
 *
 * @huggingface/transformers is an optional package (its onnxruntime-node install step must be skipped
 * on machines without internet: ONNXRUNTIME_NODE_INSTALL=skip), so it is imported only when this
 * embedder is used, and its absence is a clear configuration error, never a build or install failure.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Embedder, EmbeddingError } from "./embedder";
import { normalizeVector } from "./vector";

export const TRANSFORMERS_PACKAGE = "@huggingface/transformers";

type Pooling = "mean" | "cls";

interface Tensor {
  dims: number[];
  tolist(): unknown;
}
type FeatureExtractor = (texts: string[], options: { pooling: Pooling; normalize: boolean }) => Promise<Tensor>;
/** The part of @huggingface/transformers this embedder uses. */
export interface TransformersModule {
  env: { allowRemoteModels: boolean; allowLocalModels: boolean; useFSCache?: boolean; useBrowserCache?: boolean };
  pipeline(task: "feature-extraction", model: string, options: Record<string, unknown>): Promise<FeatureExtractor>;
}

export interface OnnxEmbedderOptions {
  modelPath: string;
  /** Overrides the hidden size from config.json (EMBEDDING_DIMENSIONS); answers are checked against it. */
  dimensions?: number;
  batchSize: number;
  /** How the package is loaded; tests replace it to exercise the error paths. */
  importModule?: () => Promise<TransformersModule>;
}

/** Loads the optional package, or explains how to install it. */
export async function importTransformers(): Promise<TransformersModule> {
  const specifier = TRANSFORMERS_PACKAGE;
  try {
    return (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ specifier)) as TransformersModule;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND" || /Cannot find (package|module)/.test((e as Error).message)) {
      throw new EmbeddingError(
        `EMBEDDING_MODEL_PATH is set, but the optional package ${TRANSFORMERS_PACKAGE} is not installed. ` +
          `Install it with: ONNXRUNTIME_NODE_INSTALL=skip npm install ${TRANSFORMERS_PACKAGE} (or unset EMBEDDING_MODEL_PATH).`,
        { cause: e },
      );
    }
    throw new EmbeddingError(`${TRANSFORMERS_PACKAGE} failed to load: ${(e as Error).message}`, { cause: e });
  }
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (e) {
    throw new EmbeddingError(`EMBEDDING_MODEL_PATH: ${file} is not valid JSON (${(e as Error).message}).`);
  }
}

/** What the folder says about the model: its output size and the pooling it was trained with. */
export function inspectModelFolder(modelPath: string): { dimensions: number | null; pooling: Pooling } {
  const folder = path.resolve(modelPath);
  if (!existsSync(folder)) throw new EmbeddingError(`EMBEDDING_MODEL_PATH: ${folder} does not exist.`);
  for (const required of ["config.json", "tokenizer.json"]) {
    if (!existsSync(path.join(folder, required))) throw new EmbeddingError(`EMBEDDING_MODEL_PATH: ${folder} has no ${required}; export the model with its tokenizer (e.g. optimum-cli export onnx).`);
  }
  if (!existsSync(path.join(folder, "onnx", "model.onnx"))) {
    throw new EmbeddingError(`EMBEDDING_MODEL_PATH: ${folder} has no onnx/model.onnx (the fp32 ONNX export this embedder loads).`);
  }
  const config = readJson(path.join(folder, "config.json"));
  const size = config.hidden_size ?? config.d_model ?? config.dim;
  // sentence-transformers folders say how their sentence vector is pooled.
  const poolingFile = path.join(folder, "1_Pooling", "config.json");
  const pooling: Pooling = existsSync(poolingFile) && readJson(poolingFile).pooling_mode_cls_token === true ? "cls" : "mean";
  return { dimensions: typeof size === "number" ? size : null, pooling };
}

export function createOnnxEmbedder(options: OnnxEmbedderOptions): Embedder & { ready(): Promise<void> } {
  const folder = path.resolve(options.modelPath);
  const inspected = inspectModelFolder(folder);
  const dimensions = options.dimensions ?? inspected.dimensions;
  if (!dimensions) throw new EmbeddingError(`EMBEDDING_MODEL_PATH: ${folder}/config.json names no hidden_size; set EMBEDDING_DIMENSIONS.`);
  const load = options.importModule ?? importTransformers;
  let extractor: Promise<FeatureExtractor> | undefined;

  const getExtractor = (): Promise<FeatureExtractor> => {
    extractor ??= (async () => {
      const transformers = await load();
      transformers.env.allowRemoteModels = false;
      transformers.env.allowLocalModels = true;
      transformers.env.useFSCache = false;
      transformers.env.useBrowserCache = false;
      try {
        return await transformers.pipeline("feature-extraction", folder, { local_files_only: true, dtype: "fp32" });
      } catch (e) {
        throw new EmbeddingError(`EMBEDDING_MODEL_PATH: the model in ${folder} failed to load: ${(e as Error).message}`, { cause: e });
      }
    })();
    // A failed load is tried again on the next call (the folder may have been fixed meanwhile).
    extractor.catch(() => (extractor = undefined));
    return extractor;
  };

  return {
    id: `onnx:${path.basename(folder)}:${dimensions}`,
    dimensions,
    ready: async () => {
      await getExtractor();
    },
    embed: async (texts) => {
      if (texts.length === 0) return [];
      const run = await getExtractor();
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += options.batchSize) {
        const batch = texts.slice(i, i + options.batchSize).map((t) => (t.trim() === "" ? " " : t));
        const output = await run(batch, { pooling: inspected.pooling, normalize: true });
        const rows = output.tolist() as number[][];
        for (const row of rows) {
          if (row.length !== dimensions) throw new EmbeddingError(`EMBEDDING_MODEL_PATH: the model returned ${row.length}-dimensional vectors, expected ${dimensions}.`);
          vectors.push(normalizeVector(row));
        }
      }
      return vectors;
    },
  };
}

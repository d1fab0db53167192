import { type Config, getConfig } from "@/server/env";
import type { Embedder } from "./embedder";
import { createOfflineEmbedder } from "./offline";
import { createOnnxEmbedder } from "./onnx";
import { createOpenAIEmbedder } from "./openai";

/** The dimension of the offline embedder, and of passages.embedding today. */
const DEFAULT_DIMENSIONS = 384;

/**
 * The embedder the configuration names: an OpenAI-compatible endpoint (EMBEDDING_BASE_URL +
 * EMBEDDING_MODEL), a local ONNX model folder (EMBEDDING_MODEL_PATH), or the built-in offline one.
 */
export function createEmbedder(config: Config): Embedder {
  if (config.EMBEDDING_BASE_URL && config.EMBEDDING_MODEL) {
    return createOpenAIEmbedder({
      baseURL: config.EMBEDDING_BASE_URL,
      model: config.EMBEDDING_MODEL,
      apiKey: config.EMBEDDING_API_KEY,
      dimensions: config.EMBEDDING_DIMENSIONS ?? DEFAULT_DIMENSIONS,
      timeoutMs: config.EMBEDDING_TIMEOUT_MS,
      batchSize: config.EMBEDDING_BATCH_SIZE,
    });
  }
  if (config.EMBEDDING_MODEL_PATH) {
    return createOnnxEmbedder({ modelPath: config.EMBEDDING_MODEL_PATH, dimensions: config.EMBEDDING_DIMENSIONS, batchSize: config.EMBEDDING_BATCH_SIZE });
  }
  return createOfflineEmbedder();
}

let embedder: Embedder | undefined;

/** The configured embedder, created once per process. */
export function getEmbedder(): Embedder {
  embedder ??= createEmbedder(getConfig());
  return embedder;
}

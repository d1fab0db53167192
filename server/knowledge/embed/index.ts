import type { Embedder } from "./embedder";
import { createOfflineEmbedder } from "./offline";

let embedder: Embedder | undefined;

/** The configured embedder; the built-in offline one until other providers are configured. */
export function getEmbedder(): Embedder {
  embedder ??= createOfflineEmbedder();
  return embedder;
}

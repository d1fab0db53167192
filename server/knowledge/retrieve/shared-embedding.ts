import type { Embedder } from "@/server/knowledge/embed/embedder";

/**
 * An embedder that embeds the same texts once: passage retrieval and the curated-answer lookup run side
 * by side on the same question, and with a remote embedding endpoint that is one request, not two.
 * Meant for one turn (it keeps every result it returns).
 */
export function sharedEmbedder(embedder: Embedder): Embedder {
  const results = new Map<string, Promise<number[][]>>();
  return {
    id: embedder.id,
    dimensions: embedder.dimensions,
    embed(texts) {
      const key = JSON.stringify(texts);
      let result = results.get(key);
      if (!result) results.set(key, (result = embedder.embed(texts)));
      return result;
    },
  };
}

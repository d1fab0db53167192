/** What every embedding provider implements; the offline one is the default. */
export interface Embedder {
  /**
   * Stored with each vector, so vectors from different embedders are never compared: retrieval only
   * ranks vectors of the active embedder, and a changed id re-indexes documents (server/jobs/reindex.ts).
   * It names the model and its dimension, e.g. "offline-hash-v3", "openai:bge-m3:1024".
   */
  readonly id: string;
  readonly dimensions: number;
  /** The built-in offline embedder: CPU work only, which the ingestion worker does itself (off the thread that answers patients). */
  readonly offline?: true;
  /** One vector per text, in order, each L2-normalised. */
  embed(texts: string[]): Promise<number[][]>;
  /** Loads what the embedder needs (a model), so a bad setting shows at start rather than at the first upload. */
  ready?(): Promise<void>;
}

/** An embedder that cannot work: an endpoint that is down or answers wrongly, a model that will not load. */
export class EmbeddingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbeddingError";
  }
}

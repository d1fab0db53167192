/** What every embedding provider implements; the offline one is the default. */
export interface Embedder {
  /** Stored with each vector, so vectors from different embedders are never compared. */
  readonly id: string;
  readonly dimensions: number;
  /** One vector per text, in order, each L2-normalised. */
  embed(texts: string[]): Promise<number[][]>;
}

/**
 * Any OpenAI-compatible `/v1/embeddings` endpoint: OpenAI and other clouds, Ollama, vLLM, Hugging Face
 * TEI, LocalAI. Texts go in batches, each request has a timeout, and every failure says which
 * endpoint, what happened and which setting to look at.
 */
import { type Embedder, EmbeddingError } from "./embedder";
import { normalizeVector } from "./vector";

export interface OpenAIEmbedderOptions {
  /** Up to and including the version segment, e.g. http://127.0.0.1:11434/v1 (EMBEDDING_BASE_URL). */
  baseURL: string;
  model: string;
  apiKey?: string;
  /** The vector size the model returns (EMBEDDING_DIMENSIONS); every answer is checked against it. */
  dimensions: number;
  timeoutMs: number;
  batchSize: number;
  fetch?: typeof fetch;
}

interface EmbeddingsResponse {
  data?: { index?: number; embedding?: unknown }[];
}

/** The endpoint's own error message, when its body has one ({"error": {"message"}} or {"error": "..."}). */
function errorDetail(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } | string; message?: string; detail?: unknown };
    const message = typeof parsed.error === "string" ? parsed.error : (parsed.error?.message ?? parsed.message ?? parsed.detail);
    if (message) return typeof message === "string" ? message : JSON.stringify(message);
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.slice(0, 300);
}

function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message;
}

export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const url = `${options.baseURL.replace(/\/+$/, "")}/embeddings`;
  const doFetch = options.fetch ?? fetch;
  const where = `Embedding endpoint ${url} (model "${options.model}")`;

  async function embedBatch(texts: string[]): Promise<number[][]> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    // Most servers refuse an empty input string; a blank has no features either way.
    const input = texts.map((t) => (t.trim() === "" ? " " : t));
    let response: Response;
    let body: string;
    try {
      response = await doFetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify({ model: options.model, input, encoding_format: "float" }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      body = await response.text();
    } catch (e) {
      if ((e as Error).name === "TimeoutError" || (e as Error).name === "AbortError") {
        throw new EmbeddingError(`${where} did not answer within ${options.timeoutMs} ms (EMBEDDING_TIMEOUT_MS).`, { cause: e });
      }
      throw new EmbeddingError(`${where} cannot be reached: ${networkReason(e)}. Check EMBEDDING_BASE_URL and that the server is running.`, { cause: e });
    }
    if (!response.ok) {
      const hint = response.status === 401 || response.status === 403 ? " Check EMBEDDING_API_KEY." : response.status === 404 ? " Check EMBEDDING_BASE_URL (it should end with /v1) and EMBEDDING_MODEL." : "";
      throw new EmbeddingError(`${where} answered ${response.status}: ${errorDetail(body)}.${hint}`);
    }
    let parsed: EmbeddingsResponse;
    try {
      parsed = JSON.parse(body) as EmbeddingsResponse;
    } catch {
      throw new EmbeddingError(`${where} answered with something that is not JSON: ${body.slice(0, 120)}`);
    }
    const data = parsed.data;
    if (!Array.isArray(data) || data.length !== texts.length) {
      throw new EmbeddingError(`${where} returned ${Array.isArray(data) ? data.length : "no"} embeddings for ${texts.length} texts.`);
    }
    // The protocol carries an index per item; some servers do not keep the order.
    const ordered = data.every((d) => typeof d.index === "number") ? [...data].sort((a, b) => a.index! - b.index!) : data;
    return ordered.map((d) => {
      const v = d.embedding;
      if (!Array.isArray(v) || !v.every((x) => typeof x === "number" && Number.isFinite(x))) {
        throw new EmbeddingError(`${where} returned an embedding that is not a list of numbers (is encoding_format "float" supported?).`);
      }
      if (v.length !== options.dimensions) {
        throw new EmbeddingError(`${where} returned ${v.length}-dimensional vectors; EMBEDDING_DIMENSIONS is ${options.dimensions}.`);
      }
      return normalizeVector(v as number[]);
    });
  }

  return {
    id: `openai:${options.model}:${options.dimensions}`,
    dimensions: options.dimensions,
    embed: async (texts) => {
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += options.batchSize) vectors.push(...(await embedBatch(texts.slice(i, i + options.batchSize))));
      return vectors;
    },
  };
}

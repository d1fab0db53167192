import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/server/env";
import { startFakeEmbeddingsServer } from "@/server/test/embeddings-server";
import { EmbeddingError } from "./embedder";
import { createEmbedder } from "./index";
import { createOpenAIEmbedder } from "./openai";

const DIMENSIONS = 16;
let server: Awaited<ReturnType<typeof startFakeEmbeddingsServer>>;

beforeAll(async () => {
  server = await startFakeEmbeddingsServer({ dimensions: DIMENSIONS });
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => {
  server.state.mode = "answer";
  server.state.requests.length = 0;
});

const embedder = (over: Partial<Parameters<typeof createOpenAIEmbedder>[0]> = {}) =>
  createOpenAIEmbedder({ baseURL: server.baseURL, model: "bge-small", apiKey: "sk-test", dimensions: DIMENSIONS, timeoutMs: 2_000, batchSize: 4, ...over });

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe("OpenAI-compatible embedder", () => {
  it("is what the configuration picks when EMBEDDING_BASE_URL is set, and names model and dimension", () => {
    const config = parseConfig({ EMBEDDING_BASE_URL: server.baseURL, EMBEDDING_MODEL: "bge-small", EMBEDDING_DIMENSIONS: String(DIMENSIONS) });
    const picked = createEmbedder(config);
    expect(picked.id).toBe(`openai:bge-small:${DIMENSIONS}`);
    expect(picked.dimensions).toBe(DIMENSIONS);
    expect(createEmbedder(parseConfig({})).id).toBe("offline-hash-v3");
  });

  it("embeds in batches, in order, normalised, with the model, key and float encoding", async () => {
    const texts = ["knee pain", "膝盖疼", "", "salt", "sleep", "sugar", "stress", "sun", "swim", "x"];
    const vectors = await embedder().embed(texts);
    expect(vectors).toHaveLength(texts.length);
    for (const v of vectors) {
      expect(v).toHaveLength(DIMENSIONS);
      expect(norm(v)).toBeCloseTo(1, 6);
    }
    expect(server.state.requests.map((r) => r.input.length)).toEqual([4, 4, 2]);
    expect(server.state.requests[0]).toMatchObject({ model: "bge-small", encoding_format: "float", authorization: "Bearer sk-test" });
    // An empty text is sent as a blank: servers refuse empty input.
    expect(server.state.requests[0]!.input[2]).toBe(" ");
    // Same text, same vector, whatever the batch.
    const [again] = await embedder({ batchSize: 64 }).embed(["sleep"]);
    expect(again).toEqual(vectors[4]);
  });

  it("puts answers back in input order by their index", async () => {
    const inOrder = await embedder().embed(["abc", "xyz"]);
    server.state.mode = "shuffled";
    expect(await embedder().embed(["abc", "xyz"])).toEqual(inOrder);
  });

  it("sends no authorization header without a key", async () => {
    await embedder({ apiKey: undefined }).embed(["a"]);
    expect(server.state.requests[0]!.authorization).toBeUndefined();
  });

  it("says which endpoint failed and how", async () => {
    server.state.mode = "error";
    await expect(embedder().embed(["a"])).rejects.toThrow(/\/v1\/embeddings \(model "bge-small"\) answered 500: model overloaded/);
    server.state.mode = "unauthorized";
    await expect(embedder().embed(["a"])).rejects.toThrow(/answered 401: invalid api key\. Check EMBEDDING_API_KEY/);
    server.state.mode = "not-json";
    await expect(embedder().embed(["a"])).rejects.toThrow(/not JSON/);
    server.state.mode = "wrong-size";
    await expect(embedder().embed(["a"])).rejects.toThrow(`returned ${DIMENSIONS + 1}-dimensional vectors; EMBEDDING_DIMENSIONS is ${DIMENSIONS}`);
    server.state.mode = "answer";
    await expect(embedder({ baseURL: `${server.baseURL}/nope` }).embed(["a"])).rejects.toThrow(/answered 404.*Check EMBEDDING_BASE_URL/);
  });

  it("gives up after EMBEDDING_TIMEOUT_MS when the endpoint hangs", async () => {
    server.state.mode = "hang";
    const started = performance.now();
    await expect(embedder({ timeoutMs: 200 }).embed(["a"])).rejects.toThrow(/did not answer within 200 ms \(EMBEDDING_TIMEOUT_MS\)/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("explains an endpoint that cannot be reached", async () => {
    const closed = await startFakeEmbeddingsServer({ dimensions: DIMENSIONS });
    await closed.close();
    const error = await embedder({ baseURL: closed.baseURL }).embed(["a"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingError);
    expect((error as Error).message).toMatch(/cannot be reached: ECONNREFUSED\. Check EMBEDDING_BASE_URL/);
  });
});

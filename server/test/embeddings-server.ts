import http from "node:http";
import { listenOnLoopback } from "./local-server";

export type FakeEmbeddingsMode = "answer" | "error" | "unauthorized" | "hang" | "wrong-size" | "shuffled" | "not-json";

export interface FakeEmbeddingsRequest {
  model: string;
  input: string[];
  encoding_format?: string;
  authorization?: string;
}

/**
 * A real local HTTP server speaking the OpenAI embeddings protocol (POST /v1/embeddings), standing in
 * for Ollama, vLLM, TEI or a cloud endpoint. Its vectors are a deterministic function of the text.
 */
export async function startFakeEmbeddingsServer(options: { dimensions: number; embed?: (text: string) => number[] }) {
  const state = { mode: "answer" as FakeEmbeddingsMode, requests: [] as FakeEmbeddingsRequest[] };
  const embed =
    options.embed ??
    ((text: string) => {
      // Letter counts folded into the dimensions: texts sharing letters point the same way.
      const v = new Array<number>(options.dimensions).fill(0);
      for (const ch of text.toLowerCase()) v[ch.charCodeAt(0) % options.dimensions]! += 1;
      return v;
    });
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.url !== "/v1/embeddings" || req.method !== "POST") {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: `no route ${req.url}` } }));
        return;
      }
      const request = { ...(JSON.parse(body) as FakeEmbeddingsRequest), authorization: req.headers.authorization };
      state.requests.push(request);
      const json = (status: number, value: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
      switch (state.mode) {
        case "hang":
          return; // never answers: the caller's timeout must fire
        case "error":
          return json(500, { error: { message: "model overloaded" } });
        case "unauthorized":
          return json(401, { error: { message: "invalid api key" } });
        case "not-json":
          res.writeHead(200, { "content-type": "text/html" }).end("<html>proxy error</html>");
          return;
        default: {
          const vector = (text: string) => (state.mode === "wrong-size" ? [...embed(text), 0] : embed(text));
          const data = request.input.map((text, index) => ({ object: "embedding", index, embedding: vector(text) }));
          if (state.mode === "shuffled") data.reverse();
          return json(200, { object: "list", model: request.model, data, usage: { prompt_tokens: 0, total_tokens: 0 } });
        }
      }
    });
  });
  const { origin, close } = await listenOnLoopback(server);
  return { baseURL: `${origin}/v1`, state, close };
}

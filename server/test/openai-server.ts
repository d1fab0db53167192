import http from "node:http";
import { listenOnLoopback } from "./local-server";

export type FakeModelMode = "answer" | "error" | "hang";

/**
 * A real local HTTP server speaking the OpenAI chat-completions streaming protocol, standing in for
 * the language-model endpoint at the edge of the system.
 */
type FakeRequest = { model: string; stream?: boolean; messages: { role: string; content: string }[] };

export async function startFakeOpenAIServer(reply: string | ((request: FakeRequest) => string)) {
  const state = { mode: "answer" as FakeModelMode, requests: [] as FakeRequest[] };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.url !== "/v1/chat/completions") {
        res.writeHead(404).end();
        return;
      }
      const request = JSON.parse(body) as FakeRequest;
      state.requests.push(request);
      if (state.mode === "error") {
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "model overloaded" } }));
        return;
      }
      if (state.mode === "hang") return; // never answers: the caller's timeout must fire
      const content = typeof reply === "string" ? reply : reply(request);
      if (!request.stream) {
        const completion = { id: "c1", object: "chat.completion", created: 0, model: "fake", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }] };
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(completion));
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      const words = content.split(/(?<= )/);
      const chunk = (delta: object, finish: string | null = null) =>
        `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", created: 0, model: "fake", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      res.write(chunk({ role: "assistant", content: "" }));
      for (const w of words) res.write(chunk({ content: w }));
      res.write(chunk({}, "stop"));
      res.end("data: [DONE]\n\n");
    });
  });
  const { origin, close } = await listenOnLoopback(server);
  return { baseURL: `${origin}/v1`, state, close };
}

import http from "node:http";
import { listenOnLoopback } from "./local-server";

/** hold: a streamed answer stops after its first words until `state.releaseHeld()` sends the rest. */
export type FakeModelMode = "answer" | "error" | "hang" | "hold";

/**
 * A real local HTTP server speaking the OpenAI chat-completions streaming protocol, standing in for
 * the language-model endpoint at the edge of the system.
 */
type FakeRequest = { model: string; stream?: boolean; messages: { role: string; content: string }[] };

export async function startFakeOpenAIServer(reply: string | ((request: FakeRequest) => string)) {
  const held: (() => void)[] = [];
  const state = {
    mode: "answer" as FakeModelMode,
    requests: [] as FakeRequest[],
    /** Streamed answers held now (mode "hold"). */
    held: () => held.length,
    releaseHeld: () => held.splice(0).forEach((finish) => finish()),
  };
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
      res.write(chunk({ content: words[0]! }));
      const finish = () => {
        for (const w of words.slice(1)) res.write(chunk({ content: w }));
        res.write(chunk({}, "stop"));
        res.end("data: [DONE]\n\n");
      };
      if (state.mode === "hold") held.push(finish);
      else finish();
    });
  });
  const { origin, close } = await listenOnLoopback(server);
  return { baseURL: `${origin}/v1`, state, close };
}

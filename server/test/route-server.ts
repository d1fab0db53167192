import http from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { listenOnLoopback } from "./local-server";

type RouteHandler = (request: Request, context: { params: Promise<object> }) => Response | Promise<Response>;

/**
 * Serves App Router route handlers over real HTTP on a loopback port, so a client library (the `openai`
 * package) talks to them as to the deployed app: by exact path, with streamed bodies.
 */
export function serveRoutes(routes: Record<string, Partial<Record<"GET" | "POST", RouteHandler>>>) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const handler = routes[url.pathname]?.[req.method as "GET" | "POST"];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, { method: req.method, headers, ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}) });
    const response = await handler(request, { params: Promise.resolve({}) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) Readable.fromWeb(response.body as NodeReadableStream).pipe(res);
    else res.end();
  });
  return listenOnLoopback(server);
}

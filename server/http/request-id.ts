import { requestIdOf, withRequestId } from "@/server/lib/log";

/**
 * Wraps a route handler so every line it logs carries the request's id (the caller's X-Request-Id, as
 * the reverse proxy sets it, or a new one), and the response names it for the client to quote.
 */
export function withRequestIds<R extends Request, A extends unknown[]>(handler: (request: R, ...rest: A) => Promise<Response>) {
  return async (request: R, ...rest: A): Promise<Response> => {
    const id = requestIdOf(request);
    const response = await withRequestId(id, () => handler(request, ...rest));
    try {
      response.headers.set("x-request-id", id);
    } catch {
      // A response with immutable headers (a redirect) goes out without it.
    }
    return response;
  };
}

// tRPC over the fetch adapter: every studio and console call goes through here.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { withRequestIds } from "@/server/http/request-id";
import { toErrorResponse } from "@/server/lib/errors";
import { readBodyLimited } from "@/server/limits/body";
import { createTRPCContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

/** The largest call is pasting a document (2,000,000 characters, up to 3 bytes each in UTF-8, as JSON). */
const MAX_TRPC_BODY_BYTES = 8 * 1024 * 1024;

const handler = async (req: Request) => {
  let request = req;
  if (req.body) {
    // Read with a byte counter before tRPC buffers it: an oversized body is refused (413) as it streams.
    try {
      const body = await readBodyLimited(req, MAX_TRPC_BODY_BYTES, `The request is larger than ${MAX_TRPC_BODY_BYTES / 1024 / 1024} MB.`);
      request = new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal });
    } catch (e) {
      return toErrorResponse(e);
    }
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: request.headers }),
  });
};

const traced = withRequestIds(handler);
export { traced as GET, traced as POST };

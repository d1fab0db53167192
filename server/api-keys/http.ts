import { ZodError } from "zod";
import type { Db } from "@/db/client";
import type { ApiKeyScope } from "@/db/schema";
import { getDatabase } from "@/server/db";
import { getConfig } from "@/server/env";
import { AppError, toErrorResponse } from "@/server/lib/errors";
import { enforceLimits, waitText } from "@/server/limits/rate-limit";
import { authenticateApiKey } from "./api-keys.service";
import type { Principal } from "@/server/principal/principal";

/**
 * An /api/v1 handler: authenticated by the bearer key with one scope, within the key's rate limit;
 * errors become JSON with their HTTP status. `chatLimits`: the handler sends chat messages and applies
 * the chat limits itself (server/limits/chat.ts), which never refuse a crisis message.
 */
export function apiHandler<P>(
  scope: ApiKeyScope,
  handle: (args: { db: Db; principal: Principal<"apiKey">; request: Request; params: P }) => Promise<unknown>,
  options: { chatLimits?: boolean } = {},
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const { db } = await getDatabase();
      const principal = await authenticateApiKey(db, request.headers.get("authorization"), scope);
      if (!options.chatLimits) {
        const limit = getConfig().RATE_LIMIT_API_KEY;
        await enforceLimits(db, [{ key: `api:key:${principal.keyId}`, ...limit, refusal: (s) => `This API key has made too many requests. Please wait ${waitText(s)} and try again.` }]);
      }
      const result = await handle({ db, principal, request, params: await context.params });
      // A handler that answers in its own format (a stream, the OpenAI-compatible endpoints) returns a Response.
      return result instanceof Response ? result : Response.json({ data: result });
    } catch (e) {
      const response = toErrorResponse(e instanceof ZodError ? new AppError("bad_request", zodMessage(e)) : e);
      if (response.status === 401) response.headers.set("www-authenticate", 'Bearer realm="fenshen"');
      return response;
    }
  };
}

const zodMessage = (e: ZodError) => e.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join(" ");


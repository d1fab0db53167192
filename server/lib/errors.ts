import { countError } from "@/server/lib/metrics";
import { logError } from "./log";

/** The one error type services throw; transports map it once (tRPC errorFormatter, HTTP toResponse). */
export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "rate_limited"
  | "unavailable";

export const httpStatusByCode: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** rate_limited: the seconds until the request may be made again (sent as Retry-After). */
  readonly retryAfterSeconds?: number;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  get status(): number {
    return httpStatusByCode[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** JSON error response for route handlers; unknown errors are logged and never shown. */
export function toErrorResponse(e: unknown): Response {
  countError(isAppError(e) ? e.code : "internal");
  if (isAppError(e)) {
    if (e.retryAfterSeconds !== undefined) {
      // The body repeats it for clients that cannot read headers (the chat UI sees only the body).
      const retryAfter = e.retryAfterSeconds;
      return Response.json({ error: { code: e.code, message: e.message, retryAfter } }, { status: e.status, headers: { "retry-after": String(retryAfter) } });
    }
    return Response.json({ error: { code: e.code, message: e.message } }, { status: e.status });
  }
  logError("unexpected error", e);
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side." } }, { status: 500 });
}

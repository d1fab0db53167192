/**
 * A locked sign-in answers 429 Too Many Requests with Retry-After. Auth.js turns any refusal of the
 * credentials check into a redirect to the error page, so a client (or a script guessing passwords)
 * could not tell a locked account from a wrong password, nor when to try again. The credentials check
 * notes the limiter's refusal in the request's async context, and the route's POST handler answers with it.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { type AppError, toErrorResponse } from "@/server/lib/errors";

const refusals = new AsyncLocalStorage<{ refusal: AppError | null }>();

/** Records the rate limiter's refusal for the sign-in request being handled (a no-op outside answerLockedSignInWith429). */
export function noteSignInLocked(refusal: AppError): void {
  const store = refusals.getStore();
  if (store) store.refusal = refusal;
}

/** Wraps Auth.js's POST handler: a sign-in the rate limiter refused answers 429 with Retry-After instead of a redirect. */
export function answerLockedSignInWith429<R extends Request>(handler: (request: R) => Promise<Response>): (request: R) => Promise<Response> {
  return async (request) => {
    const store: { refusal: AppError | null } = { refusal: null };
    const response = await refusals.run(store, () => handler(request));
    if (!store.refusal) return response;
    const locked = toErrorResponse(store.refusal);
    locked.headers.set("cache-control", "no-store");
    return locked;
  };
}

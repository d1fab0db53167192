import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Db } from "@/db/client";
import type { Principal } from "@/server/principal/principal";
import { auditMutation } from "@/server/governance/audit";
import { type AppErrorCode, isAppError } from "@/server/lib/errors";
import { logError } from "@/server/lib/log";
import { countError } from "@/server/lib/metrics";

export interface TRPCContext {
  db: Db;
  /** The signed-in member, or null for anonymous callers. */
  actor: Principal<"staff"> | null;
  /** Wakes the background worker after work was queued (injected so tests can drain the queue themselves). */
  wakeWorker: () => void;
}

const trpcCodeByAppCode: Record<AppErrorCode, TRPCError["code"]> = {
  bad_request: "BAD_REQUEST",
  unauthorized: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  payload_too_large: "PAYLOAD_TOO_LARGE",
  rate_limited: "TOO_MANY_REQUESTS",
  unavailable: "SERVICE_UNAVAILABLE",
};

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // A service that can only judge a field against saved data throws AppError("bad_request") caused by a ZodError.
    const cause = error.cause instanceof ZodError ? error.cause : isAppError(error.cause) && error.cause.cause instanceof ZodError ? error.cause.cause : null;
    // Issues carry their full path (e.g. extraHotlines.2.number) and code, so a form can place and
    // word each error in the UI's own language; the flattened form keeps only top-level fields.
    // A custom issue may carry a `reason` (e.g. why a webhook URL is refused) for the form to word.
    const zodIssues =
      cause?.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
        code: i.code,
        ...(i.code === "custom" && typeof i.params?.reason === "string" ? { reason: i.params.reason } : {}),
      })) ?? null;
    return { ...shape, data: { ...shape.data, zodError: cause ? z.flattenError(cause) : null, zodIssues } };
  },
});

/** Maps the one domain error type to tRPC codes; anything unexpected is logged and shown generically. */
const mapErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  countError(isAppError(cause) ? cause.code : cause instanceof ZodError ? "bad_request" : result.error.code === "INTERNAL_SERVER_ERROR" ? "internal" : result.error.code.toLowerCase());
  if (isAppError(cause)) {
    throw new TRPCError({ code: trpcCodeByAppCode[cause.code], message: cause.message, cause });
  }
  if (cause instanceof ZodError) {
    throw new TRPCError({ code: "BAD_REQUEST", message: cause.issues.map((i) => i.message).join(" "), cause });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    logError(`${path} failed`, result.error);
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side." });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapErrors);

/** A signed-in member of an organization; roles are checked by the services against the permission table. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next, type, path, getRawInput }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const result = await next({ ctx: { ...ctx, actor: ctx.actor } });
  // Every change a member makes lands in the append-only audit log, whichever router made it.
  if (result.ok && type === "mutation") await auditMutation(ctx.db, ctx.actor, path, await getRawInput());
  return result;
});

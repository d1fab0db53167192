import { TRPCError } from "@trpc/server";
import { isAppError } from "@/server/lib/errors";

/** The error code a call fails with (a tRPC code, or a service's AppError code), or "OK". */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (e) {
    if (e instanceof TRPCError || isAppError(e)) return e.code;
    throw e;
  }
}

import { TRPCError } from "@trpc/server";
import type { Db } from "@/db/client";
import type { Principal } from "@/server/principal/principal";
import { isAppError } from "@/server/lib/errors";
import { createCaller } from "@/server/trpc/root";

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

/** A tRPC caller acting as `actor` (null: signed out); tests drain job queues themselves, so no worker is woken. */
export function testCaller(db: Db, actor: Principal<"staff"> | null) {
  return createCaller({ db, actor, wakeWorker: () => {} });
}

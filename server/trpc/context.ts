import { resolveStaff } from "@/server/accounts/account.service";
import { auth } from "@/server/auth";
import { ACTIVE_ORG_COOKIE } from "@/server/auth/current-actor";
import { getDatabase } from "@/server/db";
import { kickIngestion, kickSimulationRuns } from "@/server/worker/runner";
import type { TRPCContext } from "./init";

function readCookie(headers: Headers, name: string): string | undefined {
  const match = headers.get("cookie")?.match(new RegExp(`(?:^|;\\s*)${name}=([^;]+)`));
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** Builds the request's context: the database and, for a signed-in user, their actor in the active organization. */
export async function createTRPCContext(opts: { headers: Headers }): Promise<TRPCContext> {
  const { db } = await getDatabase();
  const session = await auth();
  const actor = session?.user?.id ? await resolveStaff(db, session.user.id, readCookie(opts.headers, ACTIVE_ORG_COOKIE)) : null;
  const wakeWorker = () => {
    kickIngestion();
    kickSimulationRuns();
  };
  return { db, actor, wakeWorker };
}

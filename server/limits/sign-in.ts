import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { getConfig } from "@/server/env";
import { enforceLimits, type Limit, refundHit, waitText } from "./rate-limit";

const tooMany = (seconds: number) => `Too many sign-in attempts. Please wait ${waitText(seconds)} and try again.`;

/**
 * Runs one password check within the sign-in limits, per account and per address, counted before the
 * check so that a flood of guesses is refused before it costs a scrypt hash each (which would starve
 * the thread pool everyone's sign-in shares). A success gives its hit back: only failures add up.
 * Throws rate_limited when either limit is spent.
 */
export async function signInWithinLimits<U>(db: Db, args: { email: string; address: string; now?: Date }, check: () => Promise<U | null>): Promise<U | null> {
  const config = getConfig();
  // The account's key is a hash: the counters table holds no e-mail addresses.
  const account = createHash("sha256").update(args.email.trim().toLowerCase()).digest("base64url");
  const limits: Limit[] = [
    { key: `signin:address:${args.address}`, ...config.RATE_LIMIT_SIGNIN_ADDRESS, refusal: tooMany },
    { key: `signin:account:${account}`, ...config.RATE_LIMIT_SIGNIN_ACCOUNT, refusal: tooMany },
  ];
  await enforceLimits(db, limits, args.now);
  const user = await check();
  if (user) await Promise.all(limits.map((l) => refundHit(db, l.key, args.now)));
  return user;
}

/** New accounts per address (sign-up hashes a password too). */
export function signUpLimit(address: string): Limit {
  return {
    key: `signup:address:${address}`,
    ...getConfig().RATE_LIMIT_SIGNUP_ADDRESS,
    refusal: (seconds) => `Too many accounts were created from this network. Please wait ${waitText(seconds)} and try again.`,
  };
}

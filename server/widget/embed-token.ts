import { createHmac, timingSafeEqual } from "node:crypto";

/** How long an embed page's token lets its chat talk to the API (a page left open longer reloads). */
export const EMBED_TOKEN_TTL_MS = 12 * 3600_000;

export interface EmbedClaims {
  orgId: string;
  /** The embedding site's origin, checked against the allowed origins when the page was served. */
  origin: string;
  expires: number;
}

const sign = (secret: string, payload: string) => createHmac("sha256", `fenshen-embed:${secret}`).update(payload).digest("base64url");

/**
 * A signed statement "this embed page was served to a frame on <origin> for <org>". The iframe's own
 * requests carry our origin, not the host page's, so the widget API learns the embedding site from it.
 */
export function signEmbedToken(secret: string, claims: Omit<EmbedClaims, "expires">, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...claims, expires: now + EMBED_TOKEN_TTL_MS })).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

export function verifyEmbedToken(secret: string, token: string, now = Date.now()): EmbedClaims | null {
  const [payload, mac] = token.split(".");
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as EmbedClaims;
    return typeof claims.orgId === "string" && typeof claims.origin === "string" && claims.expires > now ? claims : null;
  } catch {
    return null;
  }
}

import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Deprecated (X-Fenshen-Signature, kept for one release beside Standard Webhooks' headers):
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, keyed with the secret's text.
 */
export function signWebhook(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/** What a receiver of the deprecated header does (and what tests use): check the signature and its age. */
export function verifyWebhook(secret: string, body: string, header: string, toleranceSeconds = 300, now = Date.now()): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=") as [string, string]));
  const t = Number(parts.t);
  if (!parts.v1 || !Number.isFinite(t) || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, body, t).split("v1=")[1]!, "hex");
  const actual = Buffer.from(parts.v1, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const WHSEC = "whsec_";

/**
 * The Standard Webhooks key of a secret: a `whsec_<base64>` secret is those bytes; an older secret
 * (any text of 16+ characters) is its UTF-8 bytes, i.e. the receiver's secret is `whsec_` + base64(text).
 */
export function standardWebhookKey(secret: string): Buffer {
  return secret.startsWith(WHSEC) ? Buffer.from(secret.slice(WHSEC.length), "base64") : Buffer.from(secret, "utf8");
}

/** Whether a `whsec_` secret is well formed: base64 of 24 to 64 bytes, as the specification asks. */
export function isStandardWebhookSecret(secret: string): boolean {
  const encoded = secret.slice(WHSEC.length);
  if (!secret.startsWith(WHSEC) || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return false;
  const size = Buffer.from(encoded, "base64").length;
  return size >= 24 && size <= 64;
}

/**
 * Standard Webhooks (standardwebhooks.com): `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`
 * for the webhook-signature header.
 */
export function signStandardWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  return `v1,${createHmac("sha256", standardWebhookKey(secret)).update(`${id}.${timestampSeconds}.${body}`).digest("base64")}`;
}

import { createHash, randomBytes } from "node:crypto";
import { secureCookies } from "@/server/http/security-headers";
import { AppError } from "@/server/lib/errors";
import type { Principal } from "@/server/principal/principal";

/** Cookie holding the anonymous patient's session token; only its hash is stored with conversations. */
export const PATIENT_COOKIE = "fenshen_patient";

export const PATIENT_COOKIE_OPTIONS = { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", maxAge: 365 * 24 * 3600 } as const;

/**
 * Whose conversations a stored session hash names. Each kind hashes under its own prefix, so no value
 * of one kind (a cookie, a widget token, an organization id) can ever name another kind's conversations.
 */
export type SessionKind = "browser" | "widget" | "api" | "preview" | "simulation";

/** The stored form: `<kind>:<sha256 of the secret>`; the secret itself (a token) is never stored. */
export function sessionHash(kind: SessionKind, secret: string): string {
  return `${kind}:${createHash("sha256").update(secret).digest("hex")}`;
}

/**
 * The stored session whose conversations a principal's chat turns belong to: a patient's own session
 * (browser or widget), the organization's API session for any of its keys, and the member's preview
 * session for staff (preview chats belong to the member, not to the browser they type in).
 */
export function chatSessionOf(asker: Principal): string {
  switch (asker.kind) {
    case "patient":
      if (!asker.sessionHash) throw new AppError("unauthorized", "This chat's session is missing; reload the page.");
      return asker.sessionHash;
    case "apiKey":
      return sessionHash("api", asker.orgId);
    case "staff":
      return sessionHash("preview", asker.userId);
  }
}

/** A fresh browser token: 32 random bytes, base64url (43 characters). */
export function newPatientToken(): string {
  return randomBytes(32).toString("base64url");
}

// Exactly what the server issues: 43 base64url characters, or 32 for the 24-byte tokens issued before.
const ISSUED_TOKEN = /^(?:[A-Za-z0-9_-]{43}|[A-Za-z0-9_-]{32})$/;

/** The browser session a patient cookie names, or null when the cookie is missing or not one the server issued. */
export function browserSessionOf(cookie: string | undefined): string | null {
  return cookie !== undefined && ISSUED_TOKEN.test(cookie) ? sessionHash("browser", cookie) : null;
}

interface CookieJar {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options: typeof PATIENT_COOKIE_OPTIONS): unknown;
}

/** This browser's session, issuing a fresh cookie when it has none or one the server did not issue. */
export function ensureBrowserSession(jar: CookieJar): string {
  const existing = browserSessionOf(jar.get(PATIENT_COOKIE)?.value);
  if (existing) return existing;
  const token = newPatientToken();
  jar.set(PATIENT_COOKIE, token, PATIENT_COOKIE_OPTIONS);
  return sessionHash("browser", token);
}

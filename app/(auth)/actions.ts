"use server";

import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { ZSignInInput, ZSignUpInput } from "@/server/accounts/account.schema";
import { signUp } from "@/server/accounts/account.service";
import { signIn, signOut } from "@/server/auth";
import { SignInRateLimited } from "@/server/auth/config";
import { clientAddress } from "@/server/limits/client";
import { enforceLimits } from "@/server/limits/rate-limit";
import { signUpLimit } from "@/server/limits/sign-in";
import { OIDC_PROVIDER_ID } from "@/server/auth/oidc";
import { getDatabase } from "@/server/db";
import { isAppError } from "@/server/lib/errors";
import { isLocale, LOCALE_COOKIE } from "@/server/i18n/locales";
import { secureCookies } from "@/server/http/security-headers";

/** rate_limited carries the seconds to wait in retryAfter. */
export type AuthFormState = { error?: "invalid_credentials" | "invalid_input" | "email_taken" | "rate_limited"; message?: string; retryAfter?: number } | undefined;

export async function signInAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const parsed = ZSignInInput.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { error: "invalid_input", message: parsed.error.issues[0]?.message };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirect(form.get("callbackUrl")) });
  } catch (e) {
    // signIn throws a redirect on success; only Auth.js errors mean the credentials were wrong.
    if (e instanceof SignInRateLimited) return { error: "rate_limited", retryAfter: e.retryAfterSeconds };
    if (e instanceof AuthError) return { error: "invalid_credentials" };
    throw e;
  }
}

export async function signUpAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const parsed = ZSignUpInput.safeParse({
    name: form.get("name"),
    email: form.get("email"),
    password: form.get("password"),
    locale: form.get("locale") ?? undefined,
  });
  if (!parsed.success) return { error: "invalid_input", message: parsed.error.issues[0]?.message };
  try {
    const { db } = await getDatabase();
    await enforceLimits(db, [signUpLimit(clientAddress(await headers()))]);
    await signUp(db, parsed.data);
  } catch (e) {
    if (isAppError(e) && e.code === "conflict") return { error: "email_taken" };
    if (isAppError(e) && e.code === "rate_limited") return { error: "rate_limited", retryAfter: e.retryAfterSeconds };
    throw e;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/studio" });
}

/** Starts single sign-on with the hospital's OpenID Connect provider (see server/auth/oidc.ts). */
export async function signInWithSsoAction(form: FormData): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeRedirect(form.get("callbackUrl")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", secure: secureCookies() });
}

/** Only same-site paths: an open redirect after sign-in would hand phishers a trusted link. */
function safeRedirect(value: FormDataEntryValue | null): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/studio";
}

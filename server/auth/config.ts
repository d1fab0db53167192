import type { NextAuthConfig } from "next-auth";
// The class next-auth re-exports; imported from its source so the config loads outside Next.js (tests).
import { CredentialsSignin } from "@auth/core/errors";
import Credentials from "next-auth/providers/credentials";
import type { Db } from "@/db/client";
import { authenticate } from "@/server/accounts/account.service";
import { ZSignInInput } from "@/server/accounts/account.schema";
import type { Config } from "@/server/env";
import { secureCookies } from "@/server/http/security-headers";
import { isAppError } from "@/server/lib/errors";
import { clientAddress } from "@/server/limits/client";
import { signInWithinLimits } from "@/server/limits/sign-in";
import { noteSignInLocked } from "./sign-in-lock";
import { linkOidcUser, OIDC_PROVIDER_ID, type OidcClaims, oidcMapping, oidcProviders, SsoRefusal } from "./oidc";
import { logWarning } from "@/server/lib/log";

/** A sign-in refused by its rate limit (server/limits/sign-in.ts); the form says when to try again. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/** The Auth.js configuration: e-mail and password, plus the hospital's OpenID Connect provider when configured. */
export function authConfig({ secret, config, getDb }: { secret: string; config: Config; getDb: () => Promise<Db> }): NextAuthConfig {
  return {
    secret,
    trustHost: true,
    useSecureCookies: secureCookies(),
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = ZSignInInput.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const db = await getDb();
          try {
            return await signInWithinLimits(db, { email, address: clientAddress(request.headers, config.TRUSTED_PROXIES) }, () => authenticate(db, email, password));
          } catch (e) {
            if (isAppError(e) && e.code === "rate_limited") {
              noteSignInLocked(e);
              throw new SignInRateLimited(e.retryAfterSeconds ?? 60);
            }
            throw e;
          }
        },
      }),
      ...oidcProviders(config),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        try {
          // The session then carries Fenshen's own user id (Auth.js would give a random one), see jwt below.
          user.id = (await linkOidcUser(await getDb(), profile as OidcClaims, oidcMapping(config)!)).id;
          return true;
        } catch (e) {
          logWarning("single sign-on refused", e);
          // The sign-in page says why, so the person knows what to do.
          return e instanceof SsoRefusal ? `/login?error=${e.reason}` : false;
        }
      },
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}

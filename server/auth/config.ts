import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Db } from "@/db/client";
import { authenticate } from "@/server/accounts/account.service";
import { ZSignInInput } from "@/server/accounts/account.schema";
import type { Config } from "@/server/env";
import { linkOidcUser, OIDC_PROVIDER_ID, type OidcClaims, oidcMapping, oidcProviders, SsoRefusal } from "./oidc";
import { logWarning } from "@/server/lib/log";

/** The Auth.js configuration: e-mail and password, plus the hospital's OpenID Connect provider when configured. */
export function authConfig({ secret, config, getDb }: { secret: string; config: Config; getDb: () => Promise<Db> }): NextAuthConfig {
  return {
    secret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw) {
          const parsed = ZSignInInput.safeParse(raw);
          if (!parsed.success) return null;
          return authenticate(await getDb(), parsed.data.email, parsed.data.password);
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

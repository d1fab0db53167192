import { and, eq } from "drizzle-orm";
import type { OIDCConfig } from "next-auth/providers";
import type { Db } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import type { Config } from "@/server/env";
import { ROLES, type Role } from "@/server/principal/permissions";

/** The provider id: callbacks arrive at /api/auth/callback/oidc (register that URL with the hospital's provider). */
export const OIDC_PROVIDER_ID = "oidc";

export interface OidcClaims {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  [claim: string]: unknown;
}

export interface OidcMapping {
  orgSlug: string;
  defaultRole: Role;
  /** A claim whose value, when it names a role, sets the member's role (the provider is then the source of truth). */
  roleClaim?: string;
}

const isRole = (v: unknown): v is Role => typeof v === "string" && (ROLES as readonly string[]).includes(v);

/** Why single sign-on refused a person; the reason is the sign-in page's error code (login?error=…). */
export type SsoRefusalReason = "sso_unverified_email" | "sso_local_account";

export class SsoRefusal extends Error {
  constructor(
    readonly reason: SsoRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = "SsoRefusal";
  }
}

/**
 * Maps a signed-in provider user onto Fenshen: finds or creates the user by e-mail and makes them a
 * member of the configured organization (default role, or the role claim when configured).
 * Only an address the provider says it verified (email_verified: true) is matched, and never to an
 * account with a password: local addresses are not verified, so anyone could have registered one with
 * another person's address, and that person's first sign-on must not join (or take) it.
 */
export async function linkOidcUser(db: Db, claims: OidcClaims, mapping: OidcMapping): Promise<{ id: string; name: string; email: string }> {
  const email = claims.email?.trim().toLowerCase();
  if (!email) throw new Error("The identity provider sent no e-mail address (request the 'email' scope).");
  if (claims.email_verified !== true) throw new SsoRefusal("sso_unverified_email", `The identity provider has not said it verified ${email} (email_verified).`);
  const claimedRole = mapping.roleClaim ? claims[mapping.roleClaim] : undefined;
  return db.transaction(async (tx) => {
    const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, mapping.orgSlug));
    if (!org) throw new Error(`OIDC_ORG_SLUG names no organization (${mapping.orgSlug}).`);
    let [user] = await tx.select().from(users).where(eq(users.email, email));
    if (user?.passwordHash) {
      throw new SsoRefusal("sso_local_account", `${email} already has an account with a password; it is not joined to single sign-on. Sign in with the password.`);
    }
    user ??= (await tx.insert(users).values({ email, name: claims.name?.trim() || email }).returning())[0]!;
    const [membership] = await tx.select().from(memberships).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, user.id)));
    if (!membership) {
      await tx.insert(memberships).values({ orgId: org.id, userId: user.id, role: isRole(claimedRole) ? claimedRole : mapping.defaultRole });
    } else if (isRole(claimedRole) && claimedRole !== membership.role && !(membership.role === "admin" && (await isLastAdmin(tx, org.id)))) {
      await tx.update(memberships).set({ role: claimedRole }).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, user.id)));
    }
    return { id: user.id, name: user.name, email };
  });
}

async function isLastAdmin(tx: Pick<Db, "select">, orgId: string): Promise<boolean> {
  const admins = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "admin")));
  return admins.length <= 1;
}

/** How single-sign-on users map onto the organization, or null when single sign-on is not configured. */
export function oidcMapping(config: Config): OidcMapping | null {
  return config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET && config.OIDC_ORG_SLUG
    ? { orgSlug: config.OIDC_ORG_SLUG, defaultRole: config.OIDC_DEFAULT_ROLE, roleClaim: config.OIDC_ROLE_CLAIM }
    : null;
}

/**
 * The hospital's OpenID Connect provider for Auth.js, or none when single sign-on is not configured.
 * The user is mapped onto Fenshen in the signIn callback (config.ts), so a refusal ends on the
 * sign-in page with an error rather than on Auth.js's own page.
 */
export function oidcProviders(config: Config): OIDCConfig<OidcClaims>[] {
  if (!oidcMapping(config)) return [];
  return [
    {
      id: OIDC_PROVIDER_ID,
      name: config.OIDC_NAME,
      type: "oidc",
      issuer: config.OIDC_ISSUER,
      clientId: config.OIDC_CLIENT_ID,
      clientSecret: config.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      checks: ["pkce", "state", "nonce"],
    },
  ];
}

/** What the sign-in page needs to know: the button's label, when single sign-on is configured. */
export function oidcButton(config: Config): { id: string; name: string } | null {
  return oidcMapping(config) ? { id: OIDC_PROVIDER_ID, name: config.OIDC_NAME } : null;
}

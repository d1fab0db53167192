import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "@/server/accounts/password";
import { AppError } from "@/server/lib/errors";
import { slugify, withRandomSuffix } from "@/server/lib/slug";
import type { TSignUpInput } from "./account.schema";

export interface SignedUpUser {
  id: string;
  email: string;
  name: string;
  orgId: string;
}

/** Creates a doctor's account with a personal organization they administer. */
export async function signUp(db: Db, input: TSignUpInput): Promise<SignedUpUser> {
  const { name, email, password, locale } = input;
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing.length > 0) throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
    const [user] = await tx.insert(users).values({ email, name, passwordHash, locale }).returning();
    const [org] = await tx
      .insert(organizations)
      .values({ name, slug: withRandomSuffix(slugify(name)), kind: "personal", region: locale === "zh-CN" ? "CN" : "US" })
      .returning();
    await tx.insert(memberships).values({ orgId: org!.id, userId: user!.id, role: "admin" });
    return { id: user!.id, email, name, orgId: org!.id };
  });
}

/** The user for an email and password, or null; takes the same time whether or not the email exists. */
export async function authenticate(db: Db, email: string, password: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  return ok && user ? { id: user.id, email: user.email, name: user.name } : null;
}

/**
 * The actor for a signed-in user, read from the database on every request so that a removed
 * membership or a changed role takes effect at once. Picks the preferred organization when the
 * user belongs to it, else their oldest membership.
 */
export async function resolveStaff(db: Db, userId: string, preferredOrgId?: string): Promise<Principal<"staff"> | null> {
  const rows = await db
    .select({ orgId: memberships.orgId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
  const chosen = rows.find((m) => m.orgId === preferredOrgId) ?? rows[0];
  return chosen ? { kind: "staff", userId, orgId: chosen.orgId, role: chosen.role } : null;
}

/** A signed-in user's e-mail address, or null when the account no longer exists. */
export async function getUserEmail(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? null;
}


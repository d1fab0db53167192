import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { TSignUpInput } from "@/server/accounts/account.schema";
import { hashPassword } from "@/server/accounts/password";
import { AppError } from "@/server/lib/errors";

/**
 * A patient's account: a user with no organization (doctors' sign-up creates one). It exists only to
 * keep the patient's conversations across devices.
 */
export async function signUpPatient(db: Db, input: TSignUpInput): Promise<{ id: string; email: string }> {
  const { name, email, password, locale } = input;
  const passwordHash = await hashPassword(password);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
  const [user] = await db.insert(users).values({ email, name, passwordHash, locale }).onConflictDoNothing().returning({ id: users.id });
  if (!user) throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
  return { id: user.id, email };
}

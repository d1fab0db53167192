"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { resolveStaff } from "@/server/accounts/account.service";
import { auth, signIn } from "@/server/auth";
import { ACTIVE_ORG_COOKIE } from "@/server/auth/current-actor";
import { getDatabase } from "@/server/db";
import { secureCookies } from "@/server/http/security-headers";
import { isAppError } from "@/server/lib/errors";
import { acceptInvitation, signUpWithInvitation } from "@/server/orgs/invitations.service";

/** invalid_input and email_taken are worded by the form in the reader's language; other failures carry the server's sentence. */
export type InviteFormState = { error: "invalid_input" | "email_taken" | "other"; message?: string } | undefined;

async function actIn(orgId: string) {
  (await cookies()).set(ACTIVE_ORG_COOKIE, orgId, { path: "/", httpOnly: true, sameSite: "lax", secure: secureCookies(), maxAge: 365 * 24 * 3600 });
}

/** Switches the organization the signed-in member acts in (only one they belong to: resolveStaff checks on every request). */
export async function switchOrgAction(form: FormData): Promise<void> {
  const session = await auth();
  const orgId = form.get("orgId");
  if (!session?.user?.id || typeof orgId !== "string" || orgId.length > 100) redirect("/login");
  const actor = await resolveStaff((await getDatabase()).db, session.user.id, orgId);
  if (actor?.orgId === orgId) await actIn(orgId);
  redirect("/studio");
}

/** A signed-in user joins the organization that invited their address. */
export async function acceptInvitationAction(token: string, _prev: InviteFormState): Promise<InviteFormState> {
  const session = await auth();
  if (!session?.user?.id) redirect(`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`);
  try {
    const { orgId } = await acceptInvitation((await getDatabase()).db, session.user.id, token);
    await actIn(orgId);
  } catch (e) {
    if (isAppError(e)) return { error: "other", message: e.message };
    throw e;
  }
  redirect("/studio");
}

/** A newcomer creates their account through the invitation and is signed in, acting in the inviting organization. */
export async function signUpWithInvitationAction(token: string, _prev: InviteFormState, form: FormData): Promise<InviteFormState> {
  const password = form.get("password");
  let joined: { email: string; orgId: string };
  try {
    joined = await signUpWithInvitation((await getDatabase()).db, token, { name: form.get("name"), password, locale: form.get("locale") ?? undefined });
  } catch (e) {
    if (e instanceof ZodError) return { error: "invalid_input" };
    if (isAppError(e)) return e.code === "conflict" && /already exists/.test(e.message) ? { error: "email_taken" } : { error: "other", message: e.message };
    throw e;
  }
  await actIn(joined.orgId);
  await signIn("credentials", { email: joined.email, password, redirectTo: "/studio" });
}

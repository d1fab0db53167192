import "server-only";
import type { z } from "zod";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, invitations, memberships, organizations, users } from "@/db/schema";
import { ZSignUpInput } from "@/server/accounts/account.schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { hashPassword } from "@/server/accounts/password";
import { AppError, type AppErrorCode } from "@/server/lib/errors";
import type { NotifyTransports } from "@/server/safety/notify/deliver";
import { getDepartmentOrThrow } from "./departments.service";
import { ZInviteInput, ZInviteToken } from "./org.schema";

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const invitationPath = (token: string) => `/invite/${token}`;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Creates an invitation and e-mails its link when SMTP is configured. The link is returned to the
 * admin either way (it is shown only once: the database keeps just its hash).
 */
export async function createInvitation(
  db: Db,
  actor: Principal<"staff">,
  input: z.output<typeof ZInviteInput>,
  mail: { sendMail: NotifyTransports["sendMail"]; linkBase: string },
) {
  assertCan(actor, "org.members.manage");
  const { email, role, departmentId } = input;
  if (departmentId) await getDepartmentOrThrow(db, actor, departmentId);
  const [already] = await db
    .select({ userId: users.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, actor.orgId)))
    .where(eq(users.email, email));
  if (already) throw new AppError("conflict", `${email} is already a member of this organization.`);
  const token = randomBytes(32).toString("base64url");
  const [invitation] = await db
    .insert(invitations)
    .values({ orgId: actor.orgId, email, role, departmentId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITATION_TTL_MS), invitedBy: actor.userId })
    .returning();
  const link = new URL(invitationPath(token), mail.linkBase).toString();
  let emailed = false;
  if (mail.sendMail) {
    const [org] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, actor.orgId));
    await mail.sendMail({
      to: email,
      subject: `[Fenshen] You are invited to join ${org!.name}`,
      text: [
        `You have been invited to join ${org!.name} on Fenshen as ${role.replace("_", "-")}.`,
        `您受邀以 ${role.replace("_", "-")} 身份加入 ${org!.name}。`,
        "",
        `Accept / 接受邀请: ${link}`,
        "",
        `The link works for 7 days. / 链接 7 天内有效。`,
      ].join("\n"),
    });
    emailed = true;
  }
  return { id: invitation!.id, email, role, link, emailed };
}

export async function listInvitations(db: Db, actor: Principal<"staff">) {
  assertCan(actor, "org.members.manage");
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      departmentName: departments.name,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .leftJoin(departments, eq(departments.id, invitations.departmentId))
    .where(and(eq(invitations.orgId, actor.orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(db: Db, actor: Principal<"staff">, unverifiedId: string) {
  assertCan(actor, "org.members.manage");
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.id, unverifiedId), eq(invitations.orgId, actor.orgId), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  if (!row) throw new AppError("not_found", "No open invitation with this id in your organization.");
  return { ok: true as const };
}

export type InvitationProblem = "not_found" | "revoked" | "used" | "expired";

const PROBLEMS: Record<InvitationProblem, [AppErrorCode, string]> = {
  not_found: ["not_found", "This invitation link is not valid. Ask your administrator for a new one."],
  revoked: ["conflict", "This invitation was withdrawn. Ask your administrator for a new one."],
  used: ["conflict", "This invitation has already been used. Sign in instead."],
  expired: ["conflict", "This invitation has expired. Ask your administrator for a new one."],
};

function problemOf(invitation: typeof invitations.$inferSelect | undefined): InvitationProblem | null {
  if (!invitation) return "not_found";
  if (invitation.revokedAt) return "revoked";
  if (invitation.acceptedAt) return "used";
  if (invitation.expiresAt.getTime() <= Date.now()) return "expired";
  return null;
}

async function findInvitation(tx: Db | Tx, token: string, lock = false) {
  const parsed = ZInviteToken.safeParse(token);
  if (!parsed.success) return undefined;
  const query = tx
    .select({ invitation: invitations, orgName: organizations.name, orgSlug: organizations.slug })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(eq(invitations.tokenHash, hashToken(parsed.data)));
  const [row] = lock ? await query.for("update", { of: invitations }) : await query;
  return row;
}

/** An invitation that can still be accepted, or a clear reason why not. */
async function usableInvitation(tx: Db | Tx, token: string, lock = false) {
  const row = await findInvitation(tx, token, lock);
  const problem = problemOf(row?.invitation);
  if (problem) throw new AppError(...PROBLEMS[problem]);
  return row!;
}

/** What the invitation page shows before accepting: which organization, which e-mail, which role. */
export async function previewInvitation(db: Db, token: string) {
  const { invitation, orgName, orgSlug } = await usableInvitation(db, token);
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
  return { orgId: invitation.orgId, orgName, orgSlug, email: invitation.email, role: invitation.role, hasAccount: Boolean(account) };
}

/** The invitation page's view: the preview, or why the link cannot be used (so the page can say it in the reader's language). */
export async function inspectInvitation(db: Db, token: string) {
  const problem = problemOf((await findInvitation(db, token))?.invitation);
  return problem ? ({ ok: false, problem } as const) : ({ ok: true, invitation: await previewInvitation(db, token) } as const);
}

async function join(tx: Tx, invitation: typeof invitations.$inferSelect, userId: string) {
  // Someone who is already a member keeps their current role: an invitation never demotes.
  await tx
    .insert(memberships)
    .values({ orgId: invitation.orgId, userId, role: invitation.role, departmentId: invitation.departmentId })
    .onConflictDoNothing();
  await tx.update(invitations).set({ acceptedAt: new Date(), acceptedBy: userId }).where(eq(invitations.id, invitation.id));
}

/** A signed-in user accepts; the invitation must be addressed to their own e-mail. */
export async function acceptInvitation(db: Db, userId: string, token: string): Promise<{ orgId: string }> {
  return db.transaction(async (tx) => {
    const { invitation } = await usableInvitation(tx, token, true);
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!user) throw new AppError("unauthorized", "Sign in to accept this invitation.");
    if (user.email !== invitation.email) {
      throw new AppError("forbidden", `This invitation was sent to ${invitation.email}, but you are signed in as ${user.email}. Sign in with the invited address.`);
    }
    await join(tx, invitation, userId);
    return { orgId: invitation.orgId };
  });
}

/** A newcomer creates their account through the link: the account joins only the inviting organization. */
export async function signUpWithInvitation(db: Db, token: string, input: { name: unknown; password: unknown; locale?: unknown }) {
  const preview = await previewInvitation(db, token);
  const { name, password, locale } = ZSignUpInput.parse({ ...input, email: preview.email });
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { invitation } = await usableInvitation(tx, token, true);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
    if (existing) throw new AppError("conflict", "An account with this email already exists. Sign in to accept the invitation.");
    const [user] = await tx.insert(users).values({ email: invitation.email, name, passwordHash, locale }).returning();
    await join(tx, invitation, user!.id);
    return { userId: user!.id, email: invitation.email, orgId: invitation.orgId };
  });
}

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import { authenticate, resolveStaff, signUp } from "@/server/accounts/account.service";
import type { Principal } from "@/server/principal/principal";
import type { Mail } from "@/server/safety/notify/notifiers/notifier";
import { createTestDatabase, createTestOrg } from "@/server/test/db";
import { getBrand, getLogo, getPublicOrgPage, setLogo, updateBrand } from "./brand.service";
import { createDepartment, deleteDepartment } from "./departments.service";
import { acceptInvitation, createInvitation, previewInvitation, revokeInvitation, signUpWithInvitation } from "./invitations.service";
import { listMembers, listMyOrganizations, removeMember, updateMember } from "./members.service";
import { ZBrandInput, ZDepartmentInput, ZInviteInput } from "./org.schema";

let database: Database;
let org: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor">>>;
const noMail = { sendMail: null, linkBase: "http://localhost:3000" };
const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error("expected a failure");
}

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrg(database, ["admin", "doctor"]);
});

afterAll(async () => {
  await database?.close();
});

describe("invitations", () => {
  it("e-mails the link through the SMTP transport when configured, and always returns it to the admin", async () => {
    const sent: Mail[] = [];
    const invite = await createInvitation(database.db, org.actors.admin, ZInviteInput.parse({ email: "Nurse.Wang@Hospital.test", role: "on_call" }), {
      sendMail: async (m) => void sent.push(m),
      linkBase: "https://fenshen.example",
    });
    expect(invite).toMatchObject({ email: "nurse.wang@hospital.test", emailed: true });
    expect(invite.link).toMatch(/^https:\/\/fenshen\.example\/invite\/[\w-]{40,}$/);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: "nurse.wang@hospital.test" });
    expect(sent[0]!.text).toContain(invite.link);
    // Only the token's hash is stored.
    const [row] = await database.db.select().from(invitations).where(eq(invitations.id, invite.id));
    expect(row!.tokenHash).not.toContain(tokenOf(invite.link));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("lets a newcomer sign up through the link and join only the inviting organization", async () => {
    const department = await createDepartment(database.db, org.actors.admin, ZDepartmentInput.parse({ name: "Cardiology 心内科" }));
    const invite = await createInvitation(database.db, org.actors.admin, ZInviteInput.parse({ email: "new.doctor@test.local", role: "doctor", departmentId: department.id }), noMail);
    expect(invite.emailed).toBe(false);
    const token = tokenOf(invite.link);
    expect(await previewInvitation(database.db, token)).toMatchObject({ email: "new.doctor@test.local", role: "doctor", hasAccount: false });
    const joined = await signUpWithInvitation(database.db, token, { name: "Dr. New 新医生", password: "long-password" });
    expect(await authenticate(database.db, "new.doctor@test.local", "long-password")).toMatchObject({ id: joined.userId });
    const actor = await resolveStaff(database.db, joined.userId);
    expect(actor).toEqual({ kind: "staff", userId: joined.userId, orgId: org.orgId, role: "doctor" });
    expect((await listMyOrganizations(database.db, actor!)).map((o) => o.orgId)).toEqual([org.orgId]);
    const [membership] = await database.db.select().from(memberships).where(eq(memberships.userId, joined.userId));
    expect(membership!.departmentId).toBe(department.id);
    // A link works once.
    expect((await errorOf(acceptInvitation(database.db, joined.userId, token))).message).toMatch(/already been used/);
  });

  it("lets a signed-in user with the invited address join, keeping their other organizations", async () => {
    const other = await signUp(database.db, { name: "Dr. Two", email: "two@test.local", password: "long-password", locale: "en" });
    const invite = await createInvitation(database.db, org.actors.admin, ZInviteInput.parse({ email: "two@test.local", role: "reviewer" }), noMail);
    expect((await previewInvitation(database.db, tokenOf(invite.link))).hasAccount).toBe(true);
    expect(await acceptInvitation(database.db, other.id, tokenOf(invite.link))).toEqual({ orgId: org.orgId });
    const orgs = await listMyOrganizations(database.db, { kind: "staff", userId: other.id, orgId: other.orgId, role: "admin" });
    expect(orgs.map((o) => [o.orgId, o.role])).toEqual([
      [other.orgId, "admin"],
      [org.orgId, "reviewer"],
    ]);
  });

  it("refuses an invitation addressed to someone else", async () => {
    const invite = await createInvitation(database.db, org.actors.admin, ZInviteInput.parse({ email: "someone@test.local", role: "doctor" }), noMail);
    const intruder = await signUp(database.db, { name: "Intruder", email: "intruder@test.local", password: "long-password", locale: "en" });
    const error = await errorOf(acceptInvitation(database.db, intruder.id, tokenOf(invite.link)));
    expect(error).toMatchObject({ code: "forbidden" });
    expect(error.message).toContain("someone@test.local");
    expect(await resolveStaff(database.db, intruder.id, org.orgId)).toMatchObject({ orgId: intruder.orgId });
  });

  it("refuses an expired or revoked link with a clear reason, and an unknown one", async () => {
    const expired = await createInvitation(database.db, org.actors.admin, ZInviteInput.parse({ email: "late@test.local", role: "doctor" }), noMail);
    await database.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, expired.id));
    expect((await errorOf(previewInvitation(database.db, tokenOf(expired.link)))).message).toMatch(/expired/);
    expect((await errorOf(signUpWithInvitation(database.db, tokenOf(expired.link), { name: "Late", password: "long-password" }))).message).toMatch(/expired/);

    const revoked = await createInvitation(database.db, org.actors.admin, ZInviteInput.parse({ email: "revoked@test.local", role: "doctor" }), noMail);
    await revokeInvitation(database.db, org.actors.admin, revoked.id);
    expect((await errorOf(signUpWithInvitation(database.db, tokenOf(revoked.link), { name: "Rev", password: "long-password" }))).message).toMatch(/withdrawn/);
    expect(await database.db.select().from(users).where(eq(users.email, "revoked@test.local"))).toEqual([]);

    expect((await errorOf(previewInvitation(database.db, "A".repeat(43)))).code).toBe("not_found");
  });

  it("does not invite an existing member twice, nor into another organization's department", async () => {
    const doctorEmail = (await database.db.select().from(users).where(eq(users.id, org.actors.doctor.userId)))[0]!.email;
    expect((await errorOf(createInvitation(database.db, org.actors.admin, ZInviteInput.parse({ email: doctorEmail, role: "doctor" }), noMail))).code).toBe("conflict");
    const elsewhere = await createTestOrg(database, ["admin"]);
    const foreign = await createDepartment(database.db, elsewhere.actors.admin, ZDepartmentInput.parse({ name: "Elsewhere" }));
    expect((await errorOf(createInvitation(database.db, org.actors.admin, ZInviteInput.parse({ email: "x@test.local", role: "doctor", departmentId: foreign.id }), noMail))).code).toBe("not_found");
  });
});

describe("member management", () => {
  it("revokes access at once when a member is removed: the next request resolves no actor", async () => {
    const { actors } = await createTestOrg(database, ["doctor"]);
    const userId = actors.doctor.userId;
    await database.db.delete(memberships).where(eq(memberships.userId, userId));
    await database.db.insert(memberships).values({ orgId: org.orgId, userId, role: "doctor" });
    expect(await resolveStaff(database.db, userId, org.orgId)).toEqual({ kind: "staff", userId, orgId: org.orgId, role: "doctor" });
    await removeMember(database.db, org.actors.admin, userId);
    // resolveStaff is what every request (tRPC context and server components) calls with the session's user id.
    expect(await resolveStaff(database.db, userId, org.orgId)).toBeNull();
    expect((await listMembers(database.db, org.actors.admin)).map((m) => m.userId)).not.toContain(userId);
  });

  it("applies a role change on the next request", async () => {
    const { actors } = await createTestOrg(database, ["doctor"]);
    await database.db.insert(memberships).values({ orgId: org.orgId, userId: actors.doctor.userId, role: "doctor" });
    await updateMember(database.db, org.actors.admin, { userId: actors.doctor.userId, role: "reviewer", departmentId: null });
    expect(await resolveStaff(database.db, actors.doctor.userId, org.orgId)).toMatchObject({ orgId: org.orgId, role: "reviewer" });
  });

  it("never removes or demotes the last admin, with a clear error", async () => {
    const lone = await createTestOrg(database, ["admin", "doctor"]);
    const admin = lone.actors.admin;
    const demote = await errorOf(updateMember(database.db, admin, { userId: admin.userId, role: "doctor", departmentId: null }));
    expect(demote).toMatchObject({ code: "conflict" });
    expect(demote.message).toMatch(/last admin/);
    expect((await errorOf(removeMember(database.db, admin, admin.userId))).message).toMatch(/last admin/);
    // With a second admin, the first may step down.
    await updateMember(database.db, admin, { userId: lone.actors.doctor.userId, role: "admin", departmentId: null });
    await updateMember(database.db, admin, { userId: admin.userId, role: "doctor", departmentId: null });
    expect(await resolveStaff(database.db, admin.userId, lone.orgId)).toMatchObject({ role: "doctor" });
  });

  it("keeps members of other organizations out of reach", async () => {
    const other = await createTestOrg(database, ["admin"]);
    expect((await errorOf(removeMember(database.db, other.actors.admin, org.actors.doctor.userId))).code).toBe("not_found");
    expect((await errorOf(updateMember(database.db, other.actors.admin, { userId: org.actors.doctor.userId, role: "admin", departmentId: null }))).code).toBe("not_found");
  });

  it("keeps members when their department is deleted (they become organization-wide)", async () => {
    const department = await createDepartment(database.db, org.actors.admin, ZDepartmentInput.parse({ name: "Temporary" }));
    await updateMember(database.db, org.actors.admin, { userId: org.actors.doctor.userId, role: "doctor", departmentId: department.id });
    await deleteDepartment(database.db, org.actors.admin, department.id);
    const doctor = (await listMembers(database.db, org.actors.admin)).find((m) => m.userId === org.actors.doctor.userId);
    expect(doctor).toMatchObject({ role: "doctor", departmentId: null });
  });
});

describe("several organizations", () => {
  it("acts in the organization the switcher chose, and falls back to the oldest membership otherwise", async () => {
    const a = await createTestOrg(database, ["doctor"]);
    const b = await createTestOrg(database, ["admin"]);
    const userId = a.actors.doctor.userId;
    await database.db.insert(memberships).values({ orgId: b.orgId, userId, role: "reviewer" });
    expect(await resolveStaff(database.db, userId)).toEqual({ kind: "staff", userId, orgId: a.orgId, role: "doctor" });
    expect(await resolveStaff(database.db, userId, b.orgId)).toEqual({ kind: "staff", userId, orgId: b.orgId, role: "reviewer" });
    // A cookie naming an organization the user does not belong to grants nothing there.
    expect(await resolveStaff(database.db, userId, org.orgId)).toEqual({ kind: "staff", userId, orgId: a.orgId, role: "doctor" });
  });
});

describe("brand", () => {
  it("saves valid colours and refuses a logo that is not PNG, JPEG or WebP", async () => {
    const admin: Principal<"staff"> = org.actors.admin;
    const saved = await updateBrand(database.db, admin, { name: "Riverside Hospital 河畔医院", description: "Care close to home.", brandColor: "#9f1239", accentColor: "#1e3a8a" });
    expect(saved).toMatchObject({ brandColor: "#9f1239", hasLogo: false });
    // The router parses the brand; a colour too light for white text never reaches the service.
    expect(() => ZBrandInput.parse({ name: "X", brandColor: "#fef08a", accentColor: "#1e3a8a" })).toThrow(/too light/);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString("base64");
    expect(await errorOf(setLogo(database.db, admin, { dataBase64: svg }))).toMatchObject({ code: "bad_request" });
    const big = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(530 * 1024)]).toString("base64");
    expect((await errorOf(setLogo(database.db, admin, { dataBase64: big }))).code).toBe("payload_too_large");
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(await setLogo(database.db, admin, { dataBase64: png.toString("base64") })).toMatchObject({ hasLogo: true });
    const brand = await getBrand(database.db, org.actors.doctor);
    expect(await getLogo(database.db, brand.slug)).toMatchObject({ type: "image/png" });
    expect((await getPublicOrgPage(database.db, brand.slug))?.brand).toMatchObject({ name: "Riverside Hospital 河畔医院", brandColor: "#9f1239" });
  });
});

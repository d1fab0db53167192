import http from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { avatars, conversations, departments, escalations, memberships, messages, notifications, onCallShifts } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { deliverDueNotifications } from "@/server/safety/notify/deliver";
import type { Mail } from "@/server/safety/notify/notifiers/notifier";
import { getOutboundPolicy } from "@/server/lib/outbound";
import { enqueueEscalationNotifications } from "@/server/safety/notify/outbox";
import { verifyWebhook } from "@/server/safety/notify/signature";
import { webhookPoster } from "@/server/safety/notify/transports";
import { createTestDatabase, createTestOrg } from "@/server/test/db";
import { listenOnLoopback } from "@/server/test/local-server";
import { codeOf, testCaller } from "@/server/test/trpc";

const ORG_SECRET = "organization-secret-0001";
const DEPT_SECRET = "department-secret-00001";

let database: Database;
let org: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor" | "on_call" | "reviewer">>>;
let other: Awaited<ReturnType<typeof createTestOrg<"admin" | "on_call">>>;
let cardiology = "";
let psychiatry = "";
let receiver: { origin: string; close: () => Promise<void>; received: { path: string; signedBy: string | null }[] };
const callerFor = (actor: Principal<"staff">) => testCaller(database.db, actor);
const hour = 3_600_000;

/** An escalation from an avatar of the given department, written with its notifications as the engine does. */
async function escalate(departmentId: string | null) {
  return database.db.transaction(async (tx) => {
    const [avatar] = await tx.insert(avatars).values({ orgId: org.orgId, ownerId: org.actors.doctor.userId, slug: `a-${crypto.randomUUID()}`, name: "Dr. Route", departmentId }).returning();
    const [conv] = await tx.insert(conversations).values({ orgId: org.orgId, avatarId: avatar!.id, sessionHash: "s", locale: "en" }).returning();
    const [msg] = await tx.insert(messages).values({ orgId: org.orgId, conversationId: conv!.id, role: "patient", kind: "question", content: "I have chest pain and can't breathe" }).returning();
    const [esc] = await tx
      .insert(escalations)
      .values({ orgId: org.orgId, avatarId: avatar!.id, conversationId: conv!.id, messageId: msg!.id, category: "medical", level: "imminent", evidence: [] })
      .returning();
    await enqueueEscalationNotifications(tx, { orgId: org.orgId, escalationId: esc!.id });
    return esc!.id;
  });
}

const channelsOf = async (escalationId: string) =>
  (await database.db.select({ channel: notifications.channel, recipients: notifications.recipients }).from(notifications).where(eq(notifications.escalationId, escalationId))).sort((a, b) =>
    a.channel.localeCompare(b.channel),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrg(database, ["admin", "doctor", "on_call", "reviewer"]);
  other = await createTestOrg(database, ["admin", "on_call"]);
  const [c] = await database.db.insert(departments).values({ orgId: org.orgId, name: "Cardiology", slug: "cardiology" }).returning();
  const [p] = await database.db.insert(departments).values({ orgId: org.orgId, name: "Psychiatry", slug: "psychiatry" }).returning();
  cardiology = c!.id;
  psychiatry = p!.id;
  const received: { path: string; signedBy: string | null }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const signature = String(req.headers["x-fenshen-signature"] ?? "");
      const signedBy = verifyWebhook(DEPT_SECRET, body, signature) ? "department" : verifyWebhook(ORG_SECRET, body, signature) ? "organization" : null;
      received.push({ path: req.url ?? "", signedBy });
      res.writeHead(200).end("ok");
    });
  });
  receiver = { ...(await listenOnLoopback(server)), received };
  await callerFor(org.actors.admin).org.updateCrisisSettings({
    webhookUrl: `${receiver.origin}/org`,
    webhookSecret: ORG_SECRET,
    notifyEmail: "switchboard@hospital.test",
    responseTargetMinutes: 15,
    extraHotlines: [],
  });
});

afterAll(async () => {
  await receiver.close();
  await database.close();
});

describe("department crisis targets", () => {
  it("sends a department's escalations to its own webhook, signed with its secret, and falls back to the organization's e-mail", async () => {
    await callerFor(org.actors.admin).routing.updateDepartmentRoute({
      departmentId: cardiology,
      webhookUrl: `${receiver.origin}/cardiology`,
      webhookSecret: DEPT_SECRET,
      notifyEmail: "",
      responseTargetMinutes: 5,
    });
    const fromCardiology = await escalate(cardiology);
    const fromPsychiatry = await escalate(psychiatry);
    const mails: Mail[] = [];
    await deliverDueNotifications(database.db, { postWebhook: webhookPoster(getOutboundPolicy()), sendMail: async (m) => void mails.push(m) });

    expect(receiver.received).toEqual(expect.arrayContaining([{ path: "/cardiology", signedBy: "department" }, { path: "/org", signedBy: "organization" }]));
    expect(receiver.received).toHaveLength(2);
    expect(mails.map((m) => m.to)).toEqual(["switchboard@hospital.test", "switchboard@hospital.test"]);
    expect((await channelsOf(fromCardiology)).map((n) => n.channel)).toEqual(["email", "webhook"]);
    expect((await channelsOf(fromPsychiatry)).map((n) => n.channel)).toEqual(["email", "webhook"]);

    // The inbox measures each escalation against its department's target.
    const inbox = await callerFor(org.actors.admin).escalation.list();
    const target = (id: string) => inbox.find((e) => e.id === id)!.responseTargetMinutes;
    expect(target(fromCardiology)).toBe(5);
    expect(target(fromPsychiatry)).toBe(15);
  });

  it("never reads a secret back and refuses another organization's department", async () => {
    const routes = await callerFor(org.actors.admin).routing.departmentRoutes();
    const route = routes.find((r) => r.departmentId === cardiology)!;
    expect(route).toMatchObject({ hasWebhookSecret: true, responseTargetMinutes: 5 });
    expect(JSON.stringify(routes)).not.toContain(DEPT_SECRET);
    expect(
      await codeOf(callerFor(other.actors.admin).routing.updateDepartmentRoute({ departmentId: cardiology, webhookUrl: "", webhookSecret: "", notifyEmail: "", responseTargetMinutes: null })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(org.actors.doctor).routing.departmentRoutes())).toBe("FORBIDDEN");
  });
});

describe("on-call schedule", () => {
  it("e-mails the members on call now for the avatar's department or the whole organization, and no one else", async () => {
    const admin = callerFor(org.actors.admin);
    const now = Date.now();
    await admin.routing.addShift({ userId: org.actors.on_call.userId, departmentId: cardiology, startsAt: new Date(now - hour), endsAt: new Date(now + hour) });
    await admin.routing.addShift({ userId: org.actors.doctor.userId, departmentId: null, startsAt: new Date(now - hour), endsAt: new Date(now + hour) });
    // Not now, or another department: not called.
    await admin.routing.addShift({ userId: org.actors.reviewer.userId, departmentId: cardiology, startsAt: new Date(now + 2 * hour), endsAt: new Date(now + 3 * hour) });
    await admin.routing.addShift({ userId: org.actors.admin.userId, departmentId: psychiatry, startsAt: new Date(now - hour), endsAt: new Date(now + hour) });

    const escalationId = await escalate(cardiology);
    const oncall = (await channelsOf(escalationId)).find((n) => n.channel === "oncall")!;
    // Test e-mails are "<role>-<tag>@test.local".
    expect(oncall.recipients!.map((email) => email.split("-")[0]).sort()).toEqual(["doctor", "on_call"]);

    const mails: Mail[] = [];
    await deliverDueNotifications(database.db, { postWebhook: webhookPoster(getOutboundPolicy()), sendMail: async (m) => void mails.push(m) });
    const onCallMail = mails.find((m) => m.to.includes(","))!;
    expect(onCallMail.to.split(", ").sort()).toEqual([...oncall.recipients!].sort());

    const onNow = await callerFor(org.actors.on_call).routing.onCallNow();
    expect(onNow.map((s) => s.userId).sort()).toEqual([org.actors.on_call.userId, org.actors.doctor.userId, org.actors.admin.userId].sort());
  });

  it("stops calling a member once they leave the organization", async () => {
    await database.db.delete(memberships).where(eq(memberships.userId, org.actors.on_call.userId));
    const escalationId = await escalate(cardiology);
    const oncall = (await channelsOf(escalationId)).find((n) => n.channel === "oncall")!;
    expect(oncall.recipients).toEqual([expect.stringMatching(/^doctor-/)]);
    await database.db.insert(memberships).values({ orgId: org.orgId, userId: org.actors.on_call.userId, role: "on_call" });
  });

  it("validates shifts and keeps them in the organization", async () => {
    const admin = callerFor(org.actors.admin);
    const start = new Date(Date.now() + 10 * hour);
    expect(await codeOf(admin.routing.addShift({ userId: org.actors.doctor.userId, departmentId: null, startsAt: start, endsAt: start }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.routing.addShift({ userId: org.actors.doctor.userId, departmentId: null, startsAt: start, endsAt: new Date(start.getTime() + 30 * 24 * hour) }))).toBe("BAD_REQUEST");
    expect(await codeOf(admin.routing.addShift({ userId: other.actors.on_call.userId, departmentId: null, startsAt: start, endsAt: new Date(start.getTime() + hour) }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.routing.addShift({ userId: org.actors.doctor.userId, departmentId: null, startsAt: new Date(Date.now() - 2 * hour), endsAt: new Date(Date.now() + 2 * hour) }))).toBe("CONFLICT");
    expect(await codeOf(callerFor(org.actors.doctor).routing.addShift({ userId: org.actors.doctor.userId, departmentId: null, startsAt: start, endsAt: new Date(start.getTime() + hour) }))).toBe("FORBIDDEN");
    const [shift] = await database.db.select().from(onCallShifts).where(eq(onCallShifts.orgId, org.orgId)).limit(1);
    expect(await codeOf(callerFor(other.actors.admin).routing.removeShift({ shiftId: shift!.id }))).toBe("NOT_FOUND");
    expect(await callerFor(other.actors.admin).routing.shifts({ from: new Date(0), to: new Date(Date.now() + 100 * hour) })).toHaveLength(0);
  });
});

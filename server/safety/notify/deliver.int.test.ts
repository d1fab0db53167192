import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { and, eq, gt } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { notifications, organizations } from "@/db/schema";
import { parseOutboundAllow } from "@/server/env";
import { outboundPolicy } from "@/server/lib/outbound";
import { createTestDatabase, createTestOrg } from "@/server/test/db";
import { listenOnLoopback } from "@/server/test/local-server";
import { createTestEscalation, makeAllNotificationsDue } from "@/server/test/escalations";
import { mailText, startSmtpServer } from "@/server/test/smtp-server";
import { testCaller } from "@/server/test/trpc";
import { LeaseBook } from "@/server/jobs/leases";
import { deliverDueNotifications, deliverRound, MAX_ATTEMPTS, type NotifyTransports, releaseNotification } from "./deliver";
import { verifyWebhook } from "./signature";
import { webhookPoster } from "./transports";

/** Test receivers listen on 127.0.0.1: allowed the way an on-premises operator would (OUTBOUND_ALLOW). */
const allowLoopback = webhookPoster(outboundPolicy(parseOutboundAllow("127.0.0.1")));

/** A Standard Webhooks secret: whsec_ and base64 of 32 bytes. */
const SECRET = `whsec_${Buffer.from("a 32-byte key for the test suite").toString("base64")}`;

function standardSignatureValid(body: string, headers: http.IncomingHttpHeaders): boolean {
  try {
    new Webhook(SECRET).verify(body, headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
}

/** A real local webhook receiver that can be taken down and brought back. */
async function startReceiver() {
  const state = { up: false, received: [] as { id: string; validSignature: boolean; delivery: string; body: Record<string, unknown> }[] };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (!state.up) {
        res.writeHead(503).end("down for maintenance");
        return;
      }
      state.received.push({
        id: JSON.parse(body).id,
        // Both schemes: Standard Webhooks, checked by its reference library, and the deprecated header.
        validSignature: standardSignatureValid(body, req.headers) && verifyWebhook(SECRET, body, String(req.headers["x-fenshen-signature"])),
        delivery: String(req.headers["webhook-id"]),
        body: JSON.parse(body),
      });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/fenshen`, state, close: () => new Promise((r) => server.close(r)) };
}

describe("webhook delivery", () => {
  let database: Database;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let orgId: string;
  let ownerId: string;
  const transports: NotifyTransports = { postWebhook: allowLoopback, sendMail: null, webhookTimeoutMs: 2_000 };

  beforeAll(async () => {
    database = await openDatabase({ memory: true });
    receiver = await startReceiver();
    const org = await createTestOrg(database, ["doctor"]);
    orgId = org.orgId;
    ownerId = org.actors.doctor.userId;
    await database.db.update(organizations).set({ webhookUrl: receiver.url, webhookSecret: SECRET }).where(eq(organizations.id, orgId));
  });
  afterAll(async () => {
    await receiver?.close();
    await database?.close();
  });

  it("retries with backoff while the receiver is down, then delivers every escalation exactly once", async () => {
    const ids = [await createTestEscalation(database, orgId, ownerId, "one"), await createTestEscalation(database, orgId, ownerId, "two"), await createTestEscalation(database, orgId, ownerId, "three")];

    expect(await deliverDueNotifications(database.db, transports)).toEqual({ delivered: 0, failed: 3 });
    const waiting = await database.db.select().from(notifications);
    expect(waiting.every((n) => n.status === "pending" && n.lastError === "The webhook answered 503: down for maintenance.")).toBe(true);
    // Backoff: nothing is due again right away.
    expect(await deliverDueNotifications(database.db, transports)).toEqual({ delivered: 0, failed: 0 });

    await makeAllNotificationsDue(database);
    expect(await deliverDueNotifications(database.db, transports)).toEqual({ delivered: 0, failed: 3 });
    const [retried] = await database.db.select().from(notifications).limit(1);
    expect(retried!.attempts).toBe(2);

    receiver.state.up = true;
    await makeAllNotificationsDue(database);
    expect(await deliverDueNotifications(database.db, transports)).toEqual({ delivered: 3, failed: 0 });
    await makeAllNotificationsDue(database);
    expect(await deliverDueNotifications(database.db, transports)).toEqual({ delivered: 0, failed: 0 });

    expect(receiver.state.received.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(receiver.state.received.every((r) => r.validSignature)).toBe(true);
    // webhook-id is the delivery's id, the same on every retry: the receiver's idempotency key.
    const deliveries = (await database.db.select({ id: notifications.id }).from(notifications)).map((n) => n.id);
    expect(receiver.state.received.map((r) => r.delivery).sort()).toEqual(deliveries.sort());
    // The organization did not turn patient text on: category and level, not the patient's words.
    expect(receiver.state.received.map((r) => [r.body.category, r.body.level, r.body.message])).toEqual(ids.map(() => ["suicide", "imminent", null]));
    expect(JSON.stringify(receiver.state.received)).not.toMatch(/"(one|two|three)"/);
  });
});

describe("a restart mid-delivery", () => {
  it("loses nothing: the notification is delivered by the next process", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fenshen-outbox-"));
    const receiver = await startReceiver();
    receiver.state.up = true;
    let database = await openDatabase({ dataDir: dir });
    const org = await createTestOrg(database, ["doctor"]);
    await database.db.update(organizations).set({ webhookUrl: receiver.url, webhookSecret: SECRET }).where(eq(organizations.id, org.orgId));
    const id = await createTestEscalation(database, org.orgId, org.actors.doctor.userId, "help");

    // The first process claims the delivery, then dies before sending it.
    const stuck: NotifyTransports = { postWebhook: () => new Promise(() => {}), sendMail: null, webhookTimeoutMs: 60_000 };
    void deliverDueNotifications(database.db, stuck);
    await new Promise((r) => setTimeout(r, 200));
    await database.close();

    database = await openDatabase({ dataDir: dir });
    const [leased] = await database.db.select().from(notifications);
    expect(leased).toMatchObject({ status: "pending", attempts: 1 });
    await makeAllNotificationsDue(database); // the lease of the dead process runs out
    expect(await deliverDueNotifications(database.db, { postWebhook: allowLoopback, sendMail: null })).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.state.received.map((r) => r.id)).toEqual([id]);
    await database.close();
    await receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("a worker that stops mid-delivery", () => {
  /** Only notifications are held here; the other queues have nothing to give back. */
  const book = () => new LeaseBook({ ingestion: async () => false, simulation: async () => false, notifications: releaseNotification });

  it("hands the delivery back to the outbox at once, and the next worker sends it without the lost attempt counting", async () => {
    const database = await createTestDatabase();
    const receiver = await startReceiver();
    receiver.state.up = true;
    const org = await createTestOrg(database, ["doctor"]);
    await database.db.update(organizations).set({ webhookUrl: receiver.url, webhookSecret: SECRET }).where(eq(organizations.id, org.orgId));
    const id = await createTestEscalation(database, org.orgId, org.actors.doctor.userId, "help");

    // Worker A is posting the alert to a receiver that does not answer when it gets SIGTERM.
    let posting = () => {};
    const posted = new Promise<void>((r) => (posting = r));
    const hanging: NotifyTransports = { postWebhook: () => (posting(), new Promise(() => {})), sendMail: null, webhookTimeoutMs: 60_000 };
    const a = book();
    void deliverDueNotifications(database.db, hanging, a);
    await posted;
    const [leased] = await database.db.select().from(notifications);
    expect(a.holding()).toEqual([{ queue: "notifications", id: leased!.id, attempts: 1 }]);

    a.stop();
    expect(await a.releaseAll(database.db)).toBe(1);
    const [handedBack] = await database.db.select().from(notifications);
    expect(handedBack).toMatchObject({ status: "pending", attempts: 0 });
    expect(handedBack!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    // A stopped worker claims nothing more.
    expect(await deliverDueNotifications(database.db, hanging, a)).toEqual({ delivered: 0, failed: 0 });

    // Due at once (no lease to wait out) for the next worker.
    expect(await deliverDueNotifications(database.db, { postWebhook: allowLoopback, sendMail: null }, book())).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.state.received.map((r) => r.id)).toEqual([id]);
    const [delivered] = await database.db.select().from(notifications);
    expect(delivered).toMatchObject({ status: "delivered", attempts: 1 });
    await receiver.close();
    await database.close();
  });

  it("never hands back a delivery that was finished, or that another worker took over after its lease ran out", async () => {
    const database = await createTestDatabase();
    const receiver = await startReceiver();
    receiver.state.up = true;
    const org = await createTestOrg(database, ["doctor"]);
    await database.db.update(organizations).set({ webhookUrl: receiver.url }).where(eq(organizations.id, org.orgId));
    await createTestEscalation(database, org.orgId, org.actors.doctor.userId, "help");
    const [row] = await database.db.select().from(notifications);

    // Worker A's attempt 1 runs out; worker B claims attempt 2 (here: the row as B's claim leaves it).
    await database.db.update(notifications).set({ attempts: 2 }).where(eq(notifications.id, row!.id));
    expect(await releaseNotification(database.db, { queue: "notifications", id: row!.id, attempts: 1 })).toBe(false);
    expect(await deliverDueNotifications(database.db, { postWebhook: allowLoopback, sendMail: null })).toEqual({ delivered: 1, failed: 0 });
    expect(await releaseNotification(database.db, { queue: "notifications", id: row!.id, attempts: 3 })).toBe(false);
    const [delivered] = await database.db.select().from(notifications);
    expect(delivered).toMatchObject({ status: "delivered", attempts: 3 });
    await receiver.close();
    await database.close();
  });
});

describe("e-mail delivery", () => {
  it("sends the escalation to the organization's address through SMTP", async () => {
    const smtp = await startSmtpServer();
    const database = await openDatabase({ memory: true });
    const org = await createTestOrg(database, ["doctor"]);
    await database.db.update(organizations).set({ notifyEmail: "oncall@hospital.test", alertPatientText: true }).where(eq(organizations.id, org.orgId));
    await createTestEscalation(database, org.orgId, org.actors.doctor.userId, "I can't go on");

    // Without SMTP the e-mail waits, with its reason visible, instead of being dropped.
    expect(await deliverDueNotifications(database.db, { postWebhook: allowLoopback, sendMail: null })).toEqual({ delivered: 0, failed: 1 });
    const [waiting] = await database.db.select().from(notifications);
    expect(waiting!.lastError).toMatch(/SMTP is not configured/);

    await makeAllNotificationsDue(database);
    expect(await deliverDueNotifications(database.db, { postWebhook: allowLoopback, sendMail: smtp.sendMail })).toEqual({ delivered: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatch(/To: oncall@hospital\.test/);
    expect(mailText(smtp.received[0]!)).toMatch(/I can't go on/);
    await database.close();
    await smtp.close();
  });
});

describe("the outbound guard at delivery", () => {
  it("refuses a loopback webhook without the allow-list, failing the row at once with its reason, and delivers with it", async () => {
    const database = await createTestDatabase();
    const receiver = await startReceiver();
    receiver.state.up = true;
    const org = await createTestOrg(database, ["doctor"]);
    // Written straight to the table, as if saved before the guard existed.
    await database.db.update(organizations).set({ webhookUrl: receiver.url, webhookSecret: SECRET }).where(eq(organizations.id, org.orgId));
    await createTestEscalation(database, org.orgId, org.actors.doctor.userId, "refused");

    const closed = webhookPoster(outboundPolicy(parseOutboundAllow("")));
    expect(await deliverDueNotifications(database.db, { postWebhook: closed, sendMail: null })).toEqual({ delivered: 0, failed: 1 });
    const [refused] = await database.db.select().from(notifications);
    expect(refused).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringMatching(/^Use an https:\/\/ address for 127\.0\.0\.1/) });
    expect(receiver.state.received).toEqual([]);

    const id = await createTestEscalation(database, org.orgId, org.actors.doctor.userId, "allowed");
    expect(await deliverDueNotifications(database.db, { postWebhook: allowLoopback, sendMail: null })).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.state.received.map((r) => r.id)).toEqual([id]);
    await receiver.close();
    await database.close();
  });
});

describe("fairness between organizations", () => {
  it("delivers org B's alert in the first round although org A has a long queue aimed at a receiver that never answers", async () => {
    const database = await createTestDatabase();
    // Accepts every connection and request, and never answers.
    const blackHole = await listenOnLoopback(http.createServer(() => {}));
    const receiver = await startReceiver();
    receiver.state.up = true;
    const a = await createTestOrg(database, ["doctor"]);
    const b = await createTestOrg(database, ["doctor"]);
    await database.db.update(organizations).set({ webhookUrl: `${blackHole.origin}/hook` }).where(eq(organizations.id, a.orgId));
    await database.db.update(organizations).set({ webhookUrl: receiver.url, webhookSecret: SECRET }).where(eq(organizations.id, b.orgId));
    // More of A's than a round holds, all older than B's one.
    for (let i = 0; i < 40; i++) await createTestEscalation(database, a.orgId, a.actors.doctor.userId, `a${i}`);
    const fromB = await createTestEscalation(database, b.orgId, b.actors.doctor.userId, "b");

    const round = await deliverRound(database.db, { postWebhook: allowLoopback, sendMail: null, webhookTimeoutMs: 300 });
    expect(receiver.state.received.map((r) => r.id)).toEqual([fromB]);
    expect(round.delivered).toBe(1);
    const tried = await database.db.select().from(notifications).where(and(eq(notifications.orgId, a.orgId), gt(notifications.attempts, 0)));
    // A's share of a round: a few rows, each given up on at the timeout and rescheduled.
    expect(tried.length).toBeGreaterThan(0);
    expect(tried.length).toBeLessThanOrEqual(4);
    expect(tried.every((n) => n.status === "pending" && n.lastError === "No answer within 0.3 s.")).toBe(true);
    await blackHole.close();
    await receiver.close();
    await database.close();
  });
});

describe("giving up", () => {
  it(`marks a delivery that keeps failing as failed after ${MAX_ATTEMPTS} attempts, and the crisis inbox shows it`, async () => {
    const database = await createTestDatabase();
    const receiver = await startReceiver(); // stays down: 503
    const org = await createTestOrg(database, ["doctor"]);
    await database.db.update(organizations).set({ webhookUrl: receiver.url, webhookSecret: SECRET }).where(eq(organizations.id, org.orgId));
    const id = await createTestEscalation(database, org.orgId, org.actors.doctor.userId, "nobody hears");
    const transports = { postWebhook: allowLoopback, sendMail: null };

    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await deliverDueNotifications(database.db, transports)).toEqual({ delivered: 0, failed: 1 });
      await makeAllNotificationsDue(database);
    }
    const [stillTrying] = await database.db.select().from(notifications);
    expect(stillTrying).toMatchObject({ status: "pending", attempts: MAX_ATTEMPTS - 1 });
    expect(await deliverDueNotifications(database.db, transports)).toEqual({ delivered: 0, failed: 1 });
    const [failed] = await database.db.select().from(notifications);
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "The webhook answered 503: down for maintenance." });
    // Failed is final: no more attempts.
    await makeAllNotificationsDue(database);
    expect(await deliverDueNotifications(database.db, transports)).toEqual({ delivered: 0, failed: 0 });

    const inbox = await testCaller(database.db, org.actors.doctor).escalation.list();
    expect(inbox.find((e) => e.id === id)!.failedDeliveries).toEqual([{ channel: "webhook", lastError: "The webhook answered 503: down for maintenance." }]);
    await receiver.close();
    await database.close();
  });
});

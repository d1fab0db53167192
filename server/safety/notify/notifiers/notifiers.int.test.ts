import { createHmac } from "node:crypto";
import http from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import type { Database } from "@/db/client";
import { departments, notifications, organizations } from "@/db/schema";
import { outboundPolicy } from "@/server/lib/outbound";
import { parseOutboundAllow } from "@/server/env";
import type { DestinationKind } from "@/server/orgs/crisis-settings.limits";
import { createTestDatabase, createTestOrg } from "@/server/test/db";
import { createTestEscalation, makeAllNotificationsDue } from "@/server/test/escalations";
import { listenOnLoopback } from "@/server/test/local-server";
import { mailText, startSmtpServer } from "@/server/test/smtp-server";
import { codeOf, testCaller } from "@/server/test/trpc";
import { sendTestCrisisAlert } from "@/server/orgs/crisis-test-alert.service";
import { deliverDueNotifications, MAX_ATTEMPTS, type NotifyTransports } from "../deliver";
import { webhookPoster } from "../transports";

/**
 * One local server per platform, each checking the request the way the platform does (its URL, its
 * JSON shape, its signature, recomputed here from the platform's documented algorithm) and answering
 * in the platform's words. Test receivers listen on 127.0.0.1, which vitest's OUTBOUND_ALLOW allows.
 */

const INBOX = "https://fenshen.hospital.example/studio/inbox";
const PATIENT_TEXT = "I took all my pills an hour ago";
const DINGTALK_SECRET = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";
const FEISHU_SECRET = "feishu-signing-secret-for-tests";

const policy = outboundPolicy(parseOutboundAllow("127.0.0.1"));
const transports: NotifyTransports = { postWebhook: webhookPoster(policy), outboundPolicy: policy, sendMail: null, inboxUrl: INBOX };

interface Received {
  path: string;
  query: URLSearchParams;
  rawQuery: string;
  body: string;
}

type Answer = { status: number; body: string };
const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });
const keysOf = (value: unknown) => Object.keys(value as object).sort();
const b64hmac = (key: string, message: string) => createHmac("sha256", key).update(message).digest("base64");

/** Each platform's checks, written from its public documentation; `ok` is its success answer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- received JSON is read loosely; the checks test its shape
const PLATFORMS: Record<Exclude<DestinationKind, "webhook">, { path: string; secret?: string; check: (r: Received) => string | null; ok: Answer; refused: (why: string) => Answer; textOf: (body: any) => string }> = {
  wecom: {
    path: "/cgi-bin/webhook/send?key=wecom-key",
    check: (r) => {
      const body = JSON.parse(r.body);
      if (r.path !== "/cgi-bin/webhook/send" || r.query.get("key") !== "wecom-key") return "invalid webhook url";
      if (body.msgtype !== "markdown" || keysOf(body).join() !== "markdown,msgtype" || keysOf(body.markdown).join() !== "content") return "invalid message type";
      if (typeof body.markdown.content !== "string" || Buffer.byteLength(body.markdown.content) > 4096) return "content exceed max length";
      return null;
    },
    ok: json(200, { errcode: 0, errmsg: "ok" }),
    refused: (why) => json(200, { errcode: 93000, errmsg: why }),
    textOf: (body) => body.markdown.content,
  },
  dingtalk: {
    path: "/robot/send?access_token=ding-token",
    secret: DINGTALK_SECRET,
    check: (r) => {
      const timestamp = r.query.get("timestamp") ?? "";
      const expected = b64hmac(DINGTALK_SECRET, `${timestamp}\n${DINGTALK_SECRET}`);
      if (r.path !== "/robot/send" || r.query.get("access_token") !== "ding-token") return "token is not exist";
      // The signature travels URL-encoded: base64's + / = must not appear raw in the query.
      if (!/^\d{13}$/.test(timestamp) || r.query.get("sign") !== expected || !r.rawQuery.includes(`sign=${encodeURIComponent(expected)}`)) return "sign not match";
      const body = JSON.parse(r.body);
      if (body.msgtype !== "markdown" || typeof body.markdown?.title !== "string" || typeof body.markdown?.text !== "string") return "param error";
      return null;
    },
    ok: json(200, { errcode: 0, errmsg: "ok" }),
    refused: (why) => json(200, { errcode: 310000, errmsg: why }),
    textOf: (body) => `${body.markdown.title}\n${body.markdown.text}`,
  },
  feishu: {
    path: "/open-apis/bot/v2/hook/feishu-hook",
    secret: FEISHU_SECRET,
    check: (r) => {
      const body = JSON.parse(r.body);
      if (r.path !== "/open-apis/bot/v2/hook/feishu-hook") return "invalid hook";
      // Key "<timestamp>\n<secret>", empty message: Feishu's documented algorithm.
      if (typeof body.timestamp !== "string" || !/^\d{10}$/.test(body.timestamp) || body.sign !== b64hmac(`${body.timestamp}\n${FEISHU_SECRET}`, "")) {
        return "sign match fail or timestamp is not within one hour from current time";
      }
      if (body.msg_type !== "interactive" || !body.card?.header?.title?.content || !Array.isArray(body.card.elements)) return "params error, msg_type need";
      return null;
    },
    ok: json(200, { code: 0, data: {}, msg: "success" }),
    refused: (why) => json(200, { code: 19021, msg: why }),
    textOf: (body) => JSON.stringify(body.card),
  },
  slack: {
    path: "/services/T000/B000/slack-secret",
    check: (r) => {
      const body = JSON.parse(r.body);
      if (r.path !== "/services/T000/B000/slack-secret") return "no_service";
      if (typeof body.text !== "string" || !Array.isArray(body.blocks) || body.blocks.some((b: { type?: unknown }) => typeof b.type !== "string")) return "invalid_blocks";
      if (body.blocks.some((b: { type: string; text?: { text: string } }) => b.type === "header" && b.text!.text.length > 150)) return "invalid_blocks";
      return null;
    },
    ok: { status: 200, body: "ok" },
    refused: (why) => ({ status: 400, body: why }),
    textOf: (body) => `${body.text}\n${JSON.stringify(body.blocks)}`,
  },
  teams: {
    path: "/workflows/teams-flow/triggers/manual/paths/invoke?sig=teams-sig",
    check: (r) => {
      const body = JSON.parse(r.body);
      const card = body.attachments?.[0];
      if (body.type !== "message" || body.attachments.length !== 1 || card.contentType !== "application/vnd.microsoft.card.adaptive") return "InvalidRequestContent";
      if (card.content.type !== "AdaptiveCard" || card.content.version !== "1.4" || !Array.isArray(card.content.body)) return "InvalidRequestContent";
      return null;
    },
    ok: { status: 202, body: "" },
    refused: (why) => json(400, { error: { code: why, message: "The input body for trigger 'manual' of type 'Request' did not match its schema definition." } }),
    textOf: (body) => JSON.stringify(body.attachments[0].content),
  },
};

/** A platform's stand-in: checks every request as the platform would and records it. `fail` makes it refuse everything. */
async function startPlatform(kind: keyof typeof PLATFORMS) {
  const platform = PLATFORMS[kind];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- received JSON is read loosely; the checks test its shape
  const state = { received: [] as { body: any; problem: string | null }[], fail: null as string | null };
  const server = await listenOnLoopback(
    http.createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const url = new URL(req.url!, "http://local");
        const r: Received = { path: url.pathname, query: url.searchParams, rawQuery: url.search, body };
        const problem = req.method !== "POST" || !String(req.headers["content-type"]).startsWith("application/json") ? "bad method or content type" : platform.check(r);
        state.received.push({ body: JSON.parse(body), problem });
        const answer = problem || state.fail ? platform.refused(problem ?? state.fail!) : platform.ok;
        res.writeHead(answer.status, { "content-type": answer.body.startsWith("{") ? "application/json" : "text/plain" }).end(answer.body);
      });
    }),
  );
  return { ...server, url: `${server.origin}${platform.path}`, state, secret: platform.secret ?? "" };
}

let database: Database;
let org: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor">>>;
const servers = {} as Record<keyof typeof PLATFORMS, Awaited<ReturnType<typeof startPlatform>>>;
const kinds = Object.keys(PLATFORMS) as (keyof typeof PLATFORMS)[];

const settings = (webhookKind: DestinationKind, webhookUrl: string, webhookSecret = "", alertPatientText = false, notifyEmail = "") => ({
  webhookKind,
  webhookUrl,
  webhookSecret,
  alertPatientText,
  notifyEmail,
  responseTargetMinutes: 15,
  extraHotlines: [],
});

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
/** The transports with e-mail through the local SMTP server. */
let withMail: NotifyTransports;

beforeAll(async () => {
  // Before anything reads the configuration: the settings page's test alert e-mails through SMTP_URL's server.
  smtp = await startSmtpServer();
  vi.stubEnv("SMTP_URL", smtp.url);
  withMail = { ...transports, sendMail: smtp.sendMail };
  database = await createTestDatabase();
  org = await createTestOrg(database, ["admin", "doctor"]);
  for (const kind of kinds) servers[kind] = await startPlatform(kind);
});
afterAll(async () => {
  for (const kind of kinds) await servers[kind]?.close();
  await smtp?.close();
  await database?.close();
});

describe.each(kinds)("a %s destination", (kind) => {
  it("gets each escalation in the platform's format and signature, with category, level, avatar, waited time and the inbox link", async () => {
    const admin = testCaller(database.db, org.actors.admin);
    const server = servers[kind];
    await admin.org.updateCrisisSettings(settings(kind, server.url, server.secret));
    await database.db.delete(notifications);
    server.state.received.length = 0;

    await createTestEscalation(database, org.orgId, org.actors.doctor.userId, PATIENT_TEXT, "Dr. Wang");
    expect(await deliverDueNotifications(database.db, transports)).toEqual({ delivered: 1, failed: 0 });
    expect(server.state.received.map((r) => r.problem)).toEqual([null]);
    const text = PLATFORMS[kind].textOf(server.state.received[0]!.body);
    const chinese = kind === "wecom" || kind === "dingtalk" || kind === "feishu";
    for (const part of chinese ? ["自杀或自伤", "紧急", "Dr. Wang", "已等待", INBOX] : ["Suicide or self-harm", "Imminent", "Dr. Wang", "Waiting", INBOX]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain("pills");

    // Only when the organization turns it on does the alert carry the patient's words.
    await admin.org.updateCrisisSettings(settings(kind, server.url, "", true));
    await createTestEscalation(database, org.orgId, org.actors.doctor.userId, PATIENT_TEXT, "Dr. Wang");
    expect(await deliverDueNotifications(database.db, transports)).toEqual({ delivered: 1, failed: 0 });
    expect(PLATFORMS[kind].textOf(server.state.received[1]!.body)).toContain(PATIENT_TEXT);
  });
});

describe("an e-mail destination", () => {
  it("gets each escalation through the outbox, in English and Chinese, with category, level, avatar, waited time and the inbox link", async () => {
    const admin = testCaller(database.db, org.actors.admin);
    await admin.org.updateCrisisSettings(settings("webhook", "", "", false, "oncall@hospital.test"));
    await database.db.delete(notifications);
    smtp.received.length = 0;

    await createTestEscalation(database, org.orgId, org.actors.doctor.userId, PATIENT_TEXT, "Dr. Wang");
    // Nothing is sent with the escalation: the outbox delivers it.
    expect(smtp.received).toEqual([]);
    expect(await deliverDueNotifications(database.db, withMail)).toEqual({ delivered: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatch(/^To: oncall@hospital\.test/m);
    const text = mailText(smtp.received[0]!);
    for (const part of ["Suicide or self-harm", "Imminent", "Dr. Wang", "Waiting", "自杀或自伤", "紧急", "已等待", INBOX]) expect(text).toContain(part);
    expect(text).not.toContain("pills");

    // Only when the organization turns it on does the e-mail carry the patient's words.
    await admin.org.updateCrisisSettings(settings("webhook", "", "", true, "oncall@hospital.test"));
    await createTestEscalation(database, org.orgId, org.actors.doctor.userId, PATIENT_TEXT, "Dr. Wang");
    expect(await deliverDueNotifications(database.db, withMail)).toEqual({ delivered: 1, failed: 0 });
    expect(mailText(smtp.received[1]!)).toContain(PATIENT_TEXT);
  });

  it("is kept in the outbox and retried while the mail server refuses it, with the server's reply, then delivered once", async () => {
    const admin = testCaller(database.db, org.actors.admin);
    await admin.org.updateCrisisSettings(settings("webhook", "", "", false, "oncall@hospital.test"));
    await database.db.delete(notifications);
    smtp.received.length = 0;
    smtp.state.refuse = { code: 451, message: "Mailbox busy, try again later" };
    await createTestEscalation(database, org.orgId, org.actors.doctor.userId, PATIENT_TEXT);
    const reason = "The mail server refused the alert: 451 Mailbox busy, try again later.";

    expect(await deliverDueNotifications(database.db, withMail)).toEqual({ delivered: 0, failed: 1 });
    const [waiting] = await database.db.select().from(notifications);
    expect(waiting).toMatchObject({ channel: "email", status: "pending", attempts: 1, lastError: reason });
    // Backoff: nothing is due again right away.
    expect(await deliverDueNotifications(database.db, withMail)).toEqual({ delivered: 0, failed: 0 });

    smtp.state.refuse = null;
    await makeAllNotificationsDue(database);
    expect(await deliverDueNotifications(database.db, withMail)).toEqual({ delivered: 1, failed: 0 });
    const [delivered] = await database.db.select().from(notifications);
    expect(delivered).toMatchObject({ status: "delivered", attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });
});

describe("a platform's refusal", () => {
  it(`is retried although it came with HTTP 200, then marked failed after ${MAX_ATTEMPTS} attempts with the platform's error, and the inbox shows it`, async () => {
    const admin = testCaller(database.db, org.actors.admin);
    const wecom = servers.wecom;
    await admin.org.updateCrisisSettings(settings("wecom", wecom.url));
    await database.db.delete(notifications);
    wecom.state.fail = "invalid webhook url, hint: [1733]";
    const id = await createTestEscalation(database, org.orgId, org.actors.doctor.userId, PATIENT_TEXT);
    const reason = "WeCom refused the alert: errcode 93000 (invalid webhook url, hint: [1733]).";

    expect(await deliverDueNotifications(database.db, transports)).toEqual({ delivered: 0, failed: 1 });
    const [waiting] = await database.db.select().from(notifications);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, lastError: reason });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await makeAllNotificationsDue(database);
      expect(await deliverDueNotifications(database.db, transports)).toEqual({ delivered: 0, failed: 1 });
    }
    const [failed] = await database.db.select().from(notifications);
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: reason });
    const inbox = await testCaller(database.db, org.actors.doctor).escalation.list();
    expect(inbox.find((e) => e.id === id)!.failedDeliveries).toEqual([{ channel: "webhook", lastError: reason }]);
    wecom.state.fail = null;
  });
});

describe("a robot destination's address", () => {
  it("must be on the platform's host (unless the operator allows the host), when saved and again at delivery", async () => {
    const admin = testCaller(database.db, org.actors.admin);
    // A public address: the outbound guard lets it through, the platform rule does not.
    const elsewhere = "https://93.184.216.34/cgi-bin/webhook/send?key=k";
    expect(await codeOf(admin.org.updateCrisisSettings(settings("wecom", elsewhere)))).toBe("BAD_REQUEST");
    await expect(admin.org.updateCrisisSettings(settings("slack", elsewhere))).rejects.toThrow(/not a Slack webhook address/);
    expect(await admin.org.updateCrisisSettings(settings("webhook", elsewhere))).toMatchObject({ webhookKind: "webhook", webhookUrl: elsewhere });

    // Written straight to the table (as if saved before the rule): failed at once, not retried.
    await database.db.update(organizations).set({ webhookKind: "wecom" }).where(eq(organizations.id, org.orgId));
    await database.db.delete(notifications);
    await createTestEscalation(database, org.orgId, org.actors.doctor.userId, PATIENT_TEXT);
    expect(await deliverDueNotifications(database.db, transports)).toEqual({ delivered: 0, failed: 1 });
    const [refused] = await database.db.select().from(notifications);
    expect(refused).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringMatching(/^This is not a WeCom webhook address/) });
  });

  it("takes the robot's signing secret where the platform signs, keeps it only for the same platform, and refuses one where the key is the URL", async () => {
    const admin = testCaller(database.db, org.actors.admin);
    // The field and the reason the form words (the same issues the HTTP handler sends as zodIssues).
    const issues = async (p: Promise<unknown>) =>
      p.then(
        () => "saved",
        (e: { cause?: { cause?: unknown } }) => {
          const zod = e.cause instanceof ZodError ? e.cause : e.cause?.cause instanceof ZodError ? e.cause.cause : null;
          return zod ? zod.issues.map((i) => ({ path: i.path, code: i.code, reason: (i as { params?: { reason?: string } }).params?.reason })) : e;
        },
      );
    expect(await issues(admin.org.updateCrisisSettings(settings("dingtalk", servers.dingtalk.url)))).toEqual([{ path: ["webhookSecret"], code: "custom", reason: "required" }]);
    expect(await issues(admin.org.updateCrisisSettings(settings("wecom", servers.wecom.url, "a-secret-of-enough-length")))).toEqual([
      { path: ["webhookSecret"], code: "custom", reason: "no_secret" },
    ]);
    expect(await issues(admin.org.updateCrisisSettings(settings("webhook", servers.wecom.url, "whsec_this-is-not-base64!!")))).toEqual([{ path: ["webhookSecret"], code: "custom", reason: "whsec" }]);

    expect(await admin.org.updateCrisisSettings(settings("dingtalk", servers.dingtalk.url, DINGTALK_SECRET))).toMatchObject({ hasWebhookSecret: true });
    // Saved again without a secret: kept for DingTalk; moving to Feishu drops it (it was DingTalk's), so Feishu asks for its own.
    expect(await admin.org.updateCrisisSettings(settings("dingtalk", servers.dingtalk.url))).toMatchObject({ hasWebhookSecret: true });
    expect(await issues(admin.org.updateCrisisSettings(settings("feishu", servers.feishu.url)))).toEqual([{ path: ["webhookSecret"], code: "custom", reason: "required" }]);
    expect(await admin.org.updateCrisisSettings(settings("slack", servers.slack.url))).toMatchObject({ webhookKind: "slack", hasWebhookSecret: false });
  });
});

describe("the settings page's test alert", () => {
  it("sends a test to the saved destination and reports success, or the platform's error code, or the HTTP status", async () => {
    const admin = testCaller(database.db, org.actors.admin);
    await admin.org.updateCrisisSettings(settings("slack", servers.slack.url, "", true));
    servers.slack.state.received.length = 0;
    expect(await admin.org.sendTestCrisisAlert({ departmentId: null })).toEqual([{ ok: true, kind: "slack" }]);
    const [test] = servers.slack.state.received;
    expect(test!.problem).toBeNull();
    expect(test!.body.text).toContain("[Test]");
    // PUBLIC_URL is not set in tests: the alert names the inbox instead of linking to it.
    expect(test!.body.text).toContain("Acknowledge it in the Fenshen crisis inbox.");
    expect(test!.body.text).not.toContain("pills");

    servers.slack.state.fail = "no_service";
    expect(await admin.org.sendTestCrisisAlert({ departmentId: null })).toMatchObject([{ ok: false, kind: "slack", failure: "answer", httpStatus: 400, platformMessage: "no_service" }]);
    servers.slack.state.fail = null;

    await admin.org.updateCrisisSettings(settings("dingtalk", servers.dingtalk.url, DINGTALK_SECRET));
    servers.dingtalk.state.fail = "keywords not in content";
    expect(await admin.org.sendTestCrisisAlert({ departmentId: null })).toEqual([
      {
        ok: false,
        kind: "dingtalk",
        failure: "answer",
        httpStatus: 200,
        platformCode: "310000",
        platformMessage: "keywords not in content",
        message: "DingTalk refused the alert: errcode 310000 (keywords not in content).",
      },
    ]);
    servers.dingtalk.state.fail = null;
    // Nothing is queued by a test alert.
    expect(await database.db.select().from(notifications).where(eq(notifications.status, "pending"))).toEqual([]);
  });

  it("e-mails a test to the saved notification e-mail, next to the webhook, and reports each one's answer", async () => {
    const admin = testCaller(database.db, org.actors.admin);
    await admin.org.updateCrisisSettings(settings("slack", servers.slack.url, "", true, "oncall@hospital.test"));
    smtp.received.length = 0;
    servers.slack.state.received.length = 0;
    expect(await admin.org.sendTestCrisisAlert({ departmentId: null })).toEqual([
      { ok: true, kind: "slack" },
      { ok: true, kind: "email" },
    ]);
    expect(servers.slack.state.received).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatch(/^To: oncall@hospital\.test/m);
    const text = mailText(smtp.received[0]!);
    expect(text).toContain("[Test] Fenshen crisis alert");
    expect(text).toContain("no patient is waiting");

    smtp.state.refuse = { code: 550, message: "No such mailbox here" };
    expect(await admin.org.sendTestCrisisAlert({ departmentId: null })).toEqual([
      { ok: true, kind: "slack" },
      {
        ok: false,
        kind: "email",
        failure: "answer",
        httpStatus: null,
        platformCode: "550",
        platformMessage: "550 No such mailbox here",
        message: "The mail server refused the alert: 550 No such mailbox here.",
      },
    ]);
    smtp.state.refuse = null;

    // Only an e-mail saved: the test goes there alone; without a mail server, the answer says so.
    await admin.org.updateCrisisSettings(settings("webhook", "", "", false, "oncall@hospital.test"));
    expect(await admin.org.sendTestCrisisAlert({ departmentId: null })).toEqual([{ ok: true, kind: "email" }]);
    expect(await sendTestCrisisAlert(database.db, org.actors.admin, { departmentId: null }, transports)).toEqual([
      { ok: false, kind: "email", failure: "no_smtp", httpStatus: null, platformCode: null, platformMessage: null, message: "SMTP is not configured (set SMTP_URL)." },
    ]);
    expect(smtp.received).toHaveLength(2);
    // Nothing is queued by a test alert.
    expect(await database.db.select().from(notifications).where(eq(notifications.status, "pending"))).toEqual([]);
  });

  it("tests a department's own destination, and refuses another organization's department and a member who is not an admin", async () => {
    const admin = testCaller(database.db, org.actors.admin);
    const [cardiology] = await database.db.insert(departments).values({ orgId: org.orgId, name: "Cardiology", slug: `c-${crypto.randomUUID()}` }).returning();
    await admin.routing.updateDepartmentRoute({
      departmentId: cardiology!.id,
      webhookKind: "teams",
      webhookUrl: servers.teams.url,
      webhookSecret: "",
      notifyEmail: "cardiology@hospital.test",
      responseTargetMinutes: null,
    });
    servers.teams.state.received.length = 0;
    smtp.received.length = 0;
    expect(await admin.org.sendTestCrisisAlert({ departmentId: cardiology!.id })).toEqual([
      { ok: true, kind: "teams" },
      { ok: true, kind: "email" },
    ]);
    expect(servers.teams.state.received.map((r) => r.problem)).toEqual([null]);
    expect(smtp.received.map((m) => m.match(/^To: (.*)$/m)?.[1]?.trim())).toEqual(["cardiology@hospital.test"]);

    const other = await createTestOrg(database, ["admin"]);
    const [theirs] = await database.db.insert(departments).values({ orgId: other.orgId, name: "Theirs", slug: `t-${crypto.randomUUID()}` }).returning();
    await testCaller(database.db, other.actors.admin).routing.updateDepartmentRoute({
      departmentId: theirs!.id,
      webhookKind: "teams",
      webhookUrl: servers.teams.url,
      webhookSecret: "",
      notifyEmail: "",
      responseTargetMinutes: null,
    });
    expect(await codeOf(admin.org.sendTestCrisisAlert({ departmentId: theirs!.id }))).toBe("NOT_FOUND");
    expect(await codeOf(testCaller(database.db, org.actors.doctor).org.sendTestCrisisAlert({ departmentId: null }))).toBe("FORBIDDEN");
    expect(await codeOf(testCaller(database.db, null).org.sendTestCrisisAlert({ departmentId: null }))).toBe("UNAUTHORIZED");
    expect(servers.teams.state.received).toHaveLength(1);
  });

  it("refuses an organization's eleventh test alert in ten minutes, without posting it, and counts each organization apart", async () => {
    const [limited, other] = [await createTestOrg(database, ["admin"]), await createTestOrg(database, ["admin"])];
    for (const o of [limited, other]) await testCaller(database.db, o.actors.admin).org.updateCrisisSettings(settings("slack", servers.slack.url));
    servers.slack.state.received.length = 0;
    const admin = testCaller(database.db, limited.actors.admin);
    for (let i = 0; i < 10; i++) expect(await admin.org.sendTestCrisisAlert({ departmentId: null })).toEqual([{ ok: true, kind: "slack" }]);
    await expect(admin.org.sendTestCrisisAlert({ departmentId: null })).rejects.toThrow(/Too many test alerts were sent for this organization/);
    expect(await codeOf(admin.org.sendTestCrisisAlert({ departmentId: null }))).toBe("TOO_MANY_REQUESTS");
    expect(servers.slack.state.received).toHaveLength(10);
    expect(await testCaller(database.db, other.actors.admin).org.sendTestCrisisAlert({ departmentId: null })).toEqual([{ ok: true, kind: "slack" }]);
  });

  it("asks for a destination first when none is saved", async () => {
    const fresh = await createTestOrg(database, ["admin"]);
    await expect(testCaller(database.db, fresh.actors.admin).org.sendTestCrisisAlert({ departmentId: null })).rejects.toThrow(/Save a webhook or robot URL, or a notification e-mail, first/);
  });
});

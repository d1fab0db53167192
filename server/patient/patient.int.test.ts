import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, MIGRATIONS_FOLDER } from "@/db/client";
import { readMessage } from "@/components/chat/message-parts";
import { conversations, curatedAnswers, escalations, followUpRequests, messageFeedback, messages, notifications, organizations, users } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar, getPublishedAvatarBySlug } from "@/server/avatars/avatar.service";
import { continueConversation, openConversation } from "@/server/conversations/store";
import { publishAvatar } from "@/server/publishing/publishing.service";
import { browserSessionOf, ensureBrowserSession, newPatientToken, PATIENT_COOKIE, sessionHash } from "@/server/chat/patient-session";
import { sendApiMessage, startApiConversation } from "@/server/api-keys/v1.service";
import { type ChatEvent, type ChatTarget, respond } from "@/server/chat/engine";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { pasteDocument } from "@/server/knowledge/document.service";
import { listEscalations, resolveEscalation } from "@/server/safety/escalation.service";
import { addCuratedAnswer } from "@/server/simulation/teach.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { searchDirectory } from "./directory.service";
import { transcriptToMarkdown, transcriptToPdf } from "./export";
import { rateMessage, requestFollowUp } from "./feedback.service";
import { listFollowUps, setFollowUpStatus } from "./follow-up.service";
import { claimConversations, deleteConversation, listHistory, loadTranscript, moveConversationToSession, resumableConversationId } from "./history.service";
import { signUpPatient } from "./patient-account.service";
import { transcriptToUIMessages } from "./ui-transcript";

const embedder = createOfflineEmbedder();
let database: Database;
let doctor: Principal<"staff">;
let otherDoctor: Principal<"staff">;
let target: ChatTarget;
let slug: string;

const alice: Principal<"patient"> = { kind: "patient", sessionHash: sessionHash("browser", "alice-token"), userId: null };
const mallory: Principal<"patient"> = { kind: "patient", sessionHash: sessionHash("browser", "mallory-token"), userId: null };

/** One patient turn through the real engine (offline composer); returns the saved answer's id. */
async function ask(identity: Principal<"patient">, message: string, conversationId?: string) {
  const sessionHash = identity.sessionHash!;
  const id = conversationId
    ? (await continueConversation(database.db, { conversationId, avatarId: target.avatarId, sessionHash }), conversationId)
    : await openConversation(database.db, { target, sessionHash, locale: "en" });
  const events: ChatEvent[] = [];
  for await (const e of respond({ db: database.db, embedder, chatModel: null }, { target, conversationId: id, message })) events.push(e);
  const done = events.at(-1) as Extract<ChatEvent, { type: "done" }>;
  return { conversationId: id, messageId: done.messageId, kind: done.kind };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  const org = await createTestOrg(database, ["doctor"]);
  doctor = org.actors.doctor;
  otherDoctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  const avatar = await createAvatar(database.db, doctor, testAvatarProfile("Dr. Salt Heart", { specialty: "Cardiology", title: "Chief physician" }));
  await pasteDocument(
    database.db,
    doctor,
    {
      avatarId: avatar.id,
      title: "Living with high blood pressure",
      text: "# Living with high blood pressure\n\n## Salt\n\nEat less than 5 grams of salt per day. Salt raises blood pressure.\n\n## 盐\n\n每天吃盐不超过5克。",
      provenance: { sourceKind: "guideline", sourceName: "ESC", edition: "2023", evidenceLevel: "1A" },
    },
    { maxBytes: 1 << 20 },
  );
  await drainIngestionQueue(database.db, embedder);
  await publishAvatar(database.db, doctor, avatar.id);
  const published = await getPublishedAvatarBySlug(database.db, avatar.slug);
  slug = avatar.slug;
  target = { avatarId: published.avatarId, orgId: published.orgId, versionId: published.versionId, persona: published.snapshot };
});

afterAll(async () => {
  await database?.close();
});

describe("the directory", () => {
  it("finds published avatars by name, specialty and hospital, and filters by language", async () => {
    const orgName = (await searchDirectory(database.db, { query: "salt heart" }))[0]?.orgName;
    expect(orgName).toBeTruthy();
    for (const query of ["Salt Heart", "cardio", orgName!]) {
      expect((await searchDirectory(database.db, { query })).map((a) => a.slug), query).toContain(slug);
    }
    expect(await searchDirectory(database.db, { query: "dermatology" })).toEqual([]);
    expect((await searchDirectory(database.db, { language: "en" })).map((a) => a.slug)).toContain(slug);
    expect((await searchDirectory(database.db, { language: "zh-CN" })).map((a) => a.slug)).not.toContain(slug);
    // LIKE wildcards in the query are searched for literally.
    expect(await searchDirectory(database.db, { query: "%" })).toEqual([]);
  });
});

describe("feedback on an answer", () => {
  it("lets the owning session rate an answer and change its rating; one row per message", async () => {
    const turn = await ask(alice, "How much salt should I eat per day?");
    expect(turn.kind).toBe("answer");
    await rateMessage(database.db, alice, turn.conversationId, { messageId: turn.messageId, rating: "up" });
    const changed = await rateMessage(database.db, alice, turn.conversationId, { messageId: turn.messageId, rating: "down", comment: "  Too vague about salt.  " });
    expect(changed).toMatchObject({ rating: "down", comment: "Too vague about salt." });
    const rows = await database.db.select().from(messageFeedback).where(eq(messageFeedback.messageId, turn.messageId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ orgId: target.orgId, conversationId: turn.conversationId, rating: "down" });
  });

  it("refuses another session, a patient question, a bad rating and an over-long comment", async () => {
    const turn = await ask(alice, "What raises blood pressure?");
    expect(await codeOf(rateMessage(database.db, mallory, turn.conversationId, { messageId: turn.messageId, rating: "down" }))).toBe("not_found");
    expect(await codeOf(rateMessage(database.db, { kind: "patient", sessionHash: null, userId: null }, turn.conversationId, { messageId: turn.messageId, rating: "up" }))).toBe("not_found");
    const [question] = await database.db.select().from(messages).where(eq(messages.conversationId, turn.conversationId));
    expect(question!.role).toBe("patient");
    expect(await codeOf(rateMessage(database.db, alice, turn.conversationId, { messageId: question!.id, rating: "up" }))).toBe("not_found");
    expect(await codeOf(rateMessage(database.db, alice, turn.conversationId, { messageId: turn.messageId, rating: "meh" }))).toBe("bad_request");
    expect(await codeOf(rateMessage(database.db, alice, turn.conversationId, { messageId: turn.messageId, rating: "down", comment: "x".repeat(1001) }))).toBe("bad_request");
  });
});

describe("ask a human doctor", () => {
  it("records a phone or e-mail follow-up for the conversation, and the doctor handles it", async () => {
    const turn = await ask(alice, "Is salt bad for me?");
    const byPhone = await requestFollowUp(database.db, alice, turn.conversationId, { contact: "+86 138-0013-8000", note: "请回电" });
    expect(byPhone).toMatchObject({ status: "open", contactKind: "phone" });
    const byMail = await requestFollowUp(database.db, alice, turn.conversationId, { contact: " Alice@Example.com " });
    expect(byMail.contactKind).toBe("email");
    const [saved] = await database.db.select().from(followUpRequests).where(eq(followUpRequests.id, byMail.id));
    expect(saved).toMatchObject({ contact: "alice@example.com", note: null, avatarId: target.avatarId });

    const listed = await listFollowUps(database.db, doctor, { status: "open" });
    expect(listed.map((f) => f.id)).toEqual(expect.arrayContaining([byPhone.id, byMail.id]));
    expect(listed.find((f) => f.id === byPhone.id)).toMatchObject({ note: "请回电", lastQuestion: "Is salt bad for me?", avatarName: "Dr. Salt Heart" });
    expect((await setFollowUpStatus(database.db, doctor, byPhone.id, "contacted")).status).toBe("contacted");
    expect((await listFollowUps(database.db, doctor, { status: "open" })).map((f) => f.id)).not.toContain(byPhone.id);
    expect(await codeOf(setFollowUpStatus(database.db, otherDoctor, byMail.id, "closed"))).toBe("not_found");
    expect(await listFollowUps(database.db, otherDoctor)).toEqual([]);
  });

  it("names what is wrong with the contact, and refuses another session", async () => {
    const turn = await ask(alice, "Salt?");
    for (const contact of ["", "call me", "alice@", "12", "+1 555 0100 ext. 5"]) {
      const error = await requestFollowUp(database.db, alice, turn.conversationId, { contact }).catch((e: Error & { code: string }) => e);
      expect(error, contact).toMatchObject({ code: "bad_request" });
      expect((error as Error).message).toMatch(/phone|e-mail/i);
    }
    expect(await codeOf(requestFollowUp(database.db, alice, turn.conversationId, { contact: "+1 555 0100", note: "n".repeat(1001) }))).toBe("bad_request");
    expect(await codeOf(requestFollowUp(database.db, mallory, turn.conversationId, { contact: "+1 555 0100" }))).toBe("not_found");
  });
});

describe("reload and history", () => {
  it("finds the session's latest conversation with its citations, crisis panel and rating", async () => {
    const bob: Principal<"patient"> = { kind: "patient", sessionHash: sessionHash("browser", "bob-token"), userId: null };
    const first = await ask(bob, "How much salt should I eat per day?");
    const crisis = await ask(bob, "I want to kill myself", first.conversationId);
    expect(crisis.kind).toBe("crisis");
    await rateMessage(database.db, bob, first.conversationId, { messageId: first.messageId, rating: "up" });

    const older = await ask(bob, "What raises blood pressure?");
    const newest = await ask(bob, "Salt and blood pressure?", first.conversationId);
    expect(newest.conversationId).toBe(first.conversationId);
    expect(await resumableConversationId(database.db, { avatarId: target.avatarId, sessionHash: bob.sessionHash! })).toBe(first.conversationId);
    expect(await resumableConversationId(database.db, { avatarId: target.avatarId, sessionHash: bob.sessionHash!, preferredId: older.conversationId })).toBe(older.conversationId);
    // Another session's id is never resumed: the session's own latest is.
    const malloryTurn = await ask(mallory, "Salt?");
    expect(await resumableConversationId(database.db, { avatarId: target.avatarId, sessionHash: bob.sessionHash!, preferredId: malloryTurn.conversationId })).toBe(first.conversationId);
    expect(await resumableConversationId(database.db, { avatarId: target.avatarId, sessionHash: sessionHash("browser", "nobody") })).toBeNull();

    const transcript = await loadTranscript(database.db, bob, first.conversationId);
    expect(transcript.messages.map((m) => m.kind).slice(0, 4)).toEqual(["question", "answer", "question", "crisis"]);
    const answer = transcript.messages[1]!;
    expect(answer.citations[0]).toMatchObject({ documentTitle: "Living with high blood pressure", source: "ESC", year: "2023" });
    expect(answer.feedback).toEqual({ rating: "up", comment: null });
    const panel = transcript.messages[3]!.crisis;
    expect(panel).toMatchObject({ category: "suicide" });
    // The avatar's region is the US: its crisis line is among the numbers shown again.
    expect(panel!.hotlines.map((h) => h.number)).toContain("988");
    expect(await codeOf(loadTranscript(database.db, mallory, first.conversationId))).toBe("not_found");
  });

  it("shows an answer's urgency again after a reload, as the stream did", async () => {
    const question = "Is ankle swelling in the evening a worry?";
    const curatedId = await addCuratedAnswer(database.db, embedder, { orgId: target.orgId, avatarId: target.avatarId, question, answer: "Ankle swelling that is new needs a doctor today." });
    await database.db.update(curatedAnswers).set({ urgency: "today", live: true }).where(eq(curatedAnswers.id, curatedId));

    const dana: Principal<"patient"> = { kind: "patient", sessionHash: sessionHash("browser", "dana-token"), userId: null };
    const conversationId = await openConversation(database.db, { target, sessionHash: dana.sessionHash!, locale: "en" });
    const events: ChatEvent[] = [];
    for await (const e of respond({ db: database.db, embedder, chatModel: null }, { target, conversationId, message: question })) events.push(e);
    expect(events.filter((e) => e.type === "urgency")).toEqual([{ type: "urgency", level: "today" }]);
    await ask(dana, "How much salt should I eat per day?", conversationId);

    const transcript = await loadTranscript(database.db, dana, conversationId);
    expect(transcript.messages.filter((m) => m.role === "avatar").map((m) => m.urgency)).toEqual(["today", null]);
    // The reloaded chat reads the same data part the stream sent, so the banner comes back.
    const reloaded = transcriptToUIMessages(transcript).messages.filter((m) => m.role === "assistant").map(readMessage);
    expect(reloaded.map((m) => m.urgency)).toEqual(["today", null]);
    expect(reloaded[0]!.text).toBe("Ankle swelling that is new needs a doctor today.");
  });

  it("claims the browser's conversations when the patient signs in, and lists them in their history", async () => {
    const carol: Principal<"patient"> = { kind: "patient", sessionHash: sessionHash("browser", "carol-token"), userId: null };
    const turn = await ask(carol, "每天吃多少盐？");
    const user = await signUpPatient(database.db, { name: "Carol", email: `carol-${crypto.randomUUID()}@test.local`, password: "a-long-password", locale: "zh-CN" });
    const signedIn: Principal<"patient"> = { kind: "patient", sessionHash: null, userId: user.id };
    expect(await listHistory(database.db, signedIn)).toEqual([]);
    expect(await claimConversations(database.db, { sessionHash: carol.sessionHash!, userId: user.id })).toBe(1);
    // Claiming twice changes nothing, and another session's conversations are never claimed.
    expect(await claimConversations(database.db, { sessionHash: carol.sessionHash!, userId: user.id })).toBe(0);
    const history = await listHistory(database.db, signedIn);
    expect(history).toEqual([expect.objectContaining({ id: turn.conversationId, slug, avatarName: "Dr. Salt Heart", firstQuestion: "每天吃多少盐？", messageCount: 2 })]);
    // Signed in on another device (no session cookie), the user still owns the conversation,
    // and can move it to that device's session to continue it there.
    expect((await loadTranscript(database.db, signedIn, turn.conversationId)).id).toBe(turn.conversationId);
    expect(await codeOf(loadTranscript(database.db, { kind: "patient", sessionHash: null, userId: doctor.userId }, turn.conversationId))).toBe("not_found");
    const otherDevice = { kind: "patient" as const, sessionHash: sessionHash("browser", "carol-phone"), userId: user.id };
    await moveConversationToSession(database.db, otherDevice, turn.conversationId);
    expect(await resumableConversationId(database.db, { avatarId: target.avatarId, sessionHash: otherDevice.sessionHash })).toBe(turn.conversationId);
    expect(await codeOf(moveConversationToSession(database.db, { kind: "patient", sessionHash: mallory.sessionHash!, userId: null }, turn.conversationId))).toBe("not_found");
    const [row] = await database.db.select({ userId: conversations.userId }).from(conversations).where(eq(conversations.id, turn.conversationId));
    expect(row!.userId).toBe(user.id);
  });

  it("does not create a patient account for an e-mail already taken", async () => {
    const [existing] = await database.db.select({ email: users.email }).from(users).where(eq(users.id, doctor.userId));
    expect(await codeOf(signUpPatient(database.db, { name: "X", email: existing!.email, password: "a-long-password", locale: "en" }))).toBe("conflict");
  });
});

describe("export", () => {
  let conversationId: string;
  beforeAll(async () => {
    const dave: Principal<"patient"> = { kind: "patient", sessionHash: sessionHash("browser", "dave-token"), userId: null };
    conversationId = (await ask(dave, "How much salt should I eat per day?")).conversationId;
    await ask(dave, "吃盐要注意什么？", conversationId);
  });

  const dave: Principal<"patient"> = { kind: "patient", sessionHash: sessionHash("browser", "dave-token"), userId: null };

  it("writes Markdown with the turns, numbered sources, sections, provenance and passages", async () => {
    const md = transcriptToMarkdown(await loadTranscript(database.db, dave, conversationId), "en", new Date("2026-01-02T03:04:00Z"));
    expect(md).toMatch(/^# Conversation with Dr\. Salt Heart\n/);
    expect(md).toContain("Chief physician · Cardiology");
    expect(md).toContain("Exported 2026-01-02 03:04 UTC");
    expect(md).toContain("**You**");
    expect(md).toContain("How much salt should I eat per day?");
    expect(md).toContain("吃盐要注意什么？");
    expect(md).toMatch(/1\. Living with high blood pressure › Salt — ESC, 2023/);
    expect(md).toMatch(/> .*5 grams of salt/);
    const zh = transcriptToMarkdown(await loadTranscript(database.db, dave, conversationId), "zh-CN");
    expect(zh).toMatch(/^# 与Dr\. Salt Heart的对话/);
  });

  it("writes a PDF whose text layer carries the conversation, Chinese included", async () => {
    const pdf = await transcriptToPdf(await loadTranscript(database.db, dave, conversationId), "zh-CN");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(pdf);
    expect(text).toContain("Dr. Salt Heart");
    expect(text).toContain("How much salt should I eat per day?");
    expect(text).toContain("吃盐要注意什么");
    expect(text).toContain("Living with high blood pressure");
  });

  it("falls back to Helvetica with a note when the CJK font is missing", async () => {
    const pdf = await transcriptToPdf(await loadTranscript(database.db, dave, conversationId), "en", new Date(), "/nonexistent/font.ttc");
    const text = await pdfText(pdf);
    expect(text).toContain("no Chinese font installed");
    expect(text).toContain("How much salt should I eat per day?");
  });

  it("exports nothing to another session", async () => {
    expect(await codeOf(loadTranscript(database.db, mallory, conversationId))).toBe("not_found");
  });
});

describe("delete", () => {
  it("deletes the conversation with its messages, ratings and follow-ups; another session cannot", async () => {
    const erin: Principal<"patient"> = { kind: "patient", sessionHash: sessionHash("browser", "erin-token"), userId: null };
    const turn = await ask(erin, "How much salt should I eat per day?");
    await rateMessage(database.db, erin, turn.conversationId, { messageId: turn.messageId, rating: "down" });
    await requestFollowUp(database.db, erin, turn.conversationId, { contact: "erin@example.com" });

    expect(await codeOf(deleteConversation(database.db, mallory, turn.conversationId))).toBe("not_found");
    expect(await database.db.select().from(messages).where(eq(messages.conversationId, turn.conversationId))).toHaveLength(2);

    await deleteConversation(database.db, erin, turn.conversationId);
    expect(await database.db.select().from(conversations).where(eq(conversations.id, turn.conversationId))).toEqual([]);
    expect(await database.db.select().from(messages).where(eq(messages.conversationId, turn.conversationId))).toEqual([]);
    expect(await database.db.select().from(messageFeedback).where(eq(messageFeedback.conversationId, turn.conversationId))).toEqual([]);
    expect(await database.db.select().from(followUpRequests).where(eq(followUpRequests.conversationId, turn.conversationId))).toEqual([]);
    expect(await codeOf(deleteConversation(database.db, erin, turn.conversationId))).toBe("not_found");
  });

  it("keeps an open crisis escalation and its notifications, with the patient's words, until it is resolved", async () => {
    const fran: Principal<"patient"> = { kind: "patient", sessionHash: sessionHash("browser", "fran-token"), userId: null };
    await database.db.update(organizations).set({ notifyEmail: "crisis@hospital.test" }).where(eq(organizations.id, doctor.orgId));
    const turn = await ask(fran, "I want to kill myself tonight");
    expect(turn.kind).toBe("crisis");
    const [open] = await database.db.select().from(escalations).where(eq(escalations.conversationId, turn.conversationId));
    expect(open).toMatchObject({ status: "open", patientMessage: "I want to kill myself tonight" });
    const paged = await database.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.escalationId, open!.id));
    expect(paged.length).toBeGreaterThan(0);

    await deleteConversation(database.db, fran, turn.conversationId);
    expect(await database.db.select().from(messages).where(eq(messages.conversationId, turn.conversationId))).toEqual([]);
    const [kept] = await database.db.select().from(escalations).where(eq(escalations.id, open!.id));
    expect(kept).toMatchObject({ status: "open", conversationId: null, messageId: null, patientMessage: "I want to kill myself tonight" });
    expect(kept!.evidence.length).toBeGreaterThan(0);
    expect(await database.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.escalationId, open!.id))).toEqual(paged);
    const inbox = await listEscalations(database.db, doctor);
    expect(inbox.find((e) => e.id === open!.id)).toMatchObject({ status: "open", message: "I want to kill myself tonight", conversationId: null });

    // Resolved, the crisis no longer needs the words of a conversation the patient deleted.
    await resolveEscalation(database.db, doctor, open!.id, "Called the patient back.");
    const [resolved] = await database.db.select().from(escalations).where(eq(escalations.id, open!.id));
    expect(resolved).toMatchObject({ status: "resolved", patientMessage: null, evidence: [], category: "suicide", resolutionNote: "Called the patient back." });
  });

  it("erases the patient's words from an escalation already resolved when the conversation is deleted", async () => {
    const gus: Principal<"patient"> = { kind: "patient", sessionHash: sessionHash("browser", "gus-token"), userId: null };
    const turn = await ask(gus, "I want to end my life");
    const [esc] = await database.db.select().from(escalations).where(eq(escalations.conversationId, turn.conversationId));
    await resolveEscalation(database.db, doctor, esc!.id, "Talked to them.");
    expect((await database.db.select().from(escalations).where(eq(escalations.id, esc!.id)))[0]!.patientMessage).toBe("I want to end my life");
    await deleteConversation(database.db, gus, turn.conversationId);
    const [after] = await database.db.select().from(escalations).where(eq(escalations.id, esc!.id));
    expect(after).toMatchObject({ status: "resolved", conversationId: null, patientMessage: null, evidence: [] });
  });

  it("never touches a studio preview conversation", async () => {
    const previewId = await openConversation(database.db, { target: { ...target, versionId: null }, sessionHash: alice.sessionHash!, locale: "en" });
    expect(await codeOf(deleteConversation(database.db, alice, previewId))).toBe("not_found");
  });
});

describe("session namespaces", () => {
  // A browser that sends this cookie once got the organization's API conversations (the id is in every embed token).
  const forgedCookie = () => `api:${target.orgId}`;

  it("gives a forged cookie naming the organization's API session nothing: history, export, continue, claim, delete", async () => {
    const principal = { kind: "apiKey" as const, keyId: "k", orgId: target.orgId, scopes: ["conversations:write" as const] };
    const { conversationId } = await startApiConversation(database.db, principal, { avatar: slug });
    await sendApiMessage(database.db, principal, conversationId, { message: "How much salt should I eat per day?" });
    const user = await signUpPatient(database.db, { name: "Forger", email: `forger-${crypto.randomUUID()}@test.local`, password: "a-long-password", locale: "en" });

    // The cookie is not of the form the server issues, so it names no session at all...
    const forged: Principal<"patient"> = { kind: "patient", sessionHash: browserSessionOf(forgedCookie()), userId: user.id };
    expect(forged.sessionHash).toBeNull();
    // ...and were it hashed anyway, a browser session can never equal the API session.
    const [apiRow] = await database.db.select({ sessionHash: conversations.sessionHash }).from(conversations).where(eq(conversations.id, conversationId));
    const hashedAnyway: Principal<"patient"> = { kind: "patient", sessionHash: sessionHash("browser", forgedCookie()), userId: user.id };
    expect(apiRow!.sessionHash).toBe(sessionHash("api", target.orgId));
    expect(hashedAnyway.sessionHash).not.toBe(apiRow!.sessionHash);

    for (const identity of [forged, hashedAnyway]) {
      expect(await listHistory(database.db, identity)).toEqual([]);
      expect(await codeOf(loadTranscript(database.db, identity, conversationId))).toBe("not_found");
      expect(await codeOf(moveConversationToSession(database.db, { ...identity, sessionHash: sessionHash("browser", newPatientToken()) }, conversationId))).toBe("not_found");
      expect(await codeOf(deleteConversation(database.db, identity, conversationId))).toBe("not_found");
    }
    expect(await claimConversations(database.db, { sessionHash: hashedAnyway.sessionHash!, userId: user.id })).toBe(0);
    const [after] = await database.db.select({ sessionHash: conversations.sessionHash, userId: conversations.userId }).from(conversations).where(eq(conversations.id, conversationId));
    expect(after).toEqual({ sessionHash: apiRow!.sessionHash, userId: null });
  });

  it("moves the hashes stored before namespaces into theirs (migration 0015), so every session keeps its conversations", async () => {
    const legacy = (secret: string) => createHash("sha256").update(secret).digest("hex");
    const token = newPatientToken();
    const insert = async (hash: string, versionId: string | null) =>
      (await database.db.insert(conversations).values({ orgId: target.orgId, avatarId: target.avatarId, avatarVersionId: versionId, sessionHash: hash, locale: "en" }).returning())[0]!.id;
    const browserId = await insert(legacy(token), target.versionId);
    const apiId = await insert(legacy(`api:${target.orgId}`), target.versionId);
    const previewId = await insert(legacy(`preview:${doctor.userId}`), null);
    const migration = fs.readFileSync(path.join(MIGRATIONS_FOLDER, "0015_session_namespaces.sql"), "utf8");
    for (const statement of migration.split("--> statement-breakpoint")) await database.query(statement);

    const hashOf = async (id: string) => (await database.db.select({ h: conversations.sessionHash }).from(conversations).where(eq(conversations.id, id)))[0]!.h;
    expect(await hashOf(browserId)).toBe(browserSessionOf(token));
    expect(await hashOf(apiId)).toBe(sessionHash("api", target.orgId));
    expect(await hashOf(previewId)).toBe(sessionHash("preview", doctor.userId));
  });

  it("replaces a malformed cookie with a fresh one, and keeps a cookie the server issued", () => {
    const jar = new Map<string, string>();
    const cookies = { get: (name: string) => (jar.has(name) ? { value: jar.get(name)! } : undefined), set: (name: string, value: string) => void jar.set(name, value) };
    for (const malformed of [forgedCookie(), "", "short", `${"a".repeat(42)}=`, "a".repeat(44), `${"a".repeat(42)}.`]) {
      jar.set(PATIENT_COOKIE, malformed);
      const session = ensureBrowserSession(cookies);
      const fresh = jar.get(PATIENT_COOKIE)!;
      expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(session).toBe(sessionHash("browser", fresh));
    }
    const issued = jar.get(PATIENT_COOKIE)!;
    expect(ensureBrowserSession(cookies)).toBe(sessionHash("browser", issued));
    expect(jar.get(PATIENT_COOKIE)).toBe(issued);
    // Tokens issued before (24 bytes) still name their session.
    const older = "b".repeat(32);
    expect(browserSessionOf(older)).toBe(sessionHash("browser", older));
  });
});

async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  return pages.join("\n");
}

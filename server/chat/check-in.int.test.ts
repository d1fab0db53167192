import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { escalations, messages, notifications, organizations } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar } from "@/server/avatars/avatar.service";
import { publishAvatar } from "@/server/publishing/publishing.service";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { pasteDocument } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import type { CrisisVerdict } from "@/db/schema/crisis-types";
import { publishedTestTarget } from "@/server/test/chat";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { testCaller } from "@/server/test/trpc";
import { openConversation } from "@/server/conversations/store";
import { respond } from "./engine";
import type { ChatEvent, ChatTarget } from "./turn-types";

const embedder = createOfflineEmbedder();
const NONE: CrisisVerdict = { category: null, level: null, evidence: [] };
const concern = (category: "suicide" | "medical" | "violence"): CrisisVerdict => ({
  category,
  level: "concern",
  evidence: [{ phrase: "…", rule: `classifier:${category}`, category, level: "concern" }],
});

let database: Database;
let doctor: Principal<"staff">;
let target: ChatTarget;

/**
 * One turn with the crisis verdict injected (the classifier's exact scores do not matter here): the
 * verdict applies to the message it is given for; every other message is assessed as no risk.
 */
async function turn(conversationId: string, message: string, verdict: CrisisVerdict = NONE) {
  const events: ChatEvent[] = [];
  const assess = (input: { message: string }) => (input.message === message ? verdict : NONE);
  for await (const e of respond({ db: database.db, embedder, chatModel: null, assess }, { target, conversationId, message })) events.push(e);
  const text = events.flatMap((e) => (e.type === "text" ? [e.delta] : [])).join("");
  const done = events.at(-1) as Extract<ChatEvent, { type: "done" }>;
  const support = events.find((e) => e.type === "support") as Extract<ChatEvent, { type: "support" }> | undefined;
  return { events, text, done, support };
}

const newConversation = () => openConversation(database.db, { target, sessionHash: `s-${crypto.randomUUID()}`, locale: "en" });
const escalationsOf = (conversationId: string) => database.db.select().from(escalations).where(eq(escalations.conversationId, conversationId));
async function notificationsOf(conversationId: string) {
  const ids = (await escalationsOf(conversationId)).map((e) => e.id);
  return ids.length ? database.db.select().from(notifications).where(inArray(notifications.escalationId, ids)) : [];
}

beforeAll(async () => {
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  // A webhook is configured, so an escalation would queue a notification: a check-in must queue none.
  await database.db.update(organizations).set({ webhookUrl: "https://on-call.example.test/hook" }).where(eq(organizations.id, doctor.orgId));
  const avatar = await createAvatar(database.db, doctor, testAvatarProfile("Dr. Wen", { specialty: "General practice" }));
  await pasteDocument(
    database.db,
    doctor,
    { avatarId: avatar.id, title: "Sleep", text: "# Sleep\n\nKeep a regular bedtime and avoid screens for an hour before sleep.\n\n# Salt\n\nEat less than five grams of salt a day." },
    { maxBytes: 1 << 20 },
  );
  await drainIngestionQueue(database.db, embedder);
  await publishAvatar(database.db, doctor, avatar.id);
  target = await publishedTestTarget(database.db, avatar.slug);
});

afterAll(async () => {
  await database?.close();
});

describe("a check-in (a possible crisis)", () => {
  it("answers, shows the resources and ends with the C-SSRS opener; pages nobody; stores the question asked", async () => {
    const c = await newConversation();
    const { events, text, done, support } = await turn(c, "How much salt should I eat a day?", concern("suicide"));
    expect(events.some((e) => e.type === "crisis")).toBe(false);
    expect(support!.hotlines.map((h) => h.number)).toContain("988");
    expect(support!.screening).toEqual({ id: "suicide", category: "suicide", question: "Have you wished you were dead or wished you could go to sleep and not wake up?" });
    expect(text).toContain("Eat less than five grams of salt a day.");
    expect(text.trim().endsWith("Have you wished you were dead or wished you could go to sleep and not wake up?")).toBe(true);
    expect(done.kind).toBe("answer");
    const [saved] = await database.db.select().from(messages).where(eq(messages.id, done.messageId));
    expect(saved).toMatchObject({ role: "avatar", screening: "suicide", content: text });
    expect(await escalationsOf(c)).toEqual([]);
    expect(await notificationsOf(c)).toEqual([]);
  });

  it.each(["yes", "yeah sometimes", "Um… I have, yes."])("escalates a yes (%j) like a crisis: vetted reply, escalation, notification", async (answer) => {
    const c = await newConversation();
    await turn(c, "Everything feels pointless lately.", concern("suicide"));
    const { events, done } = await turn(c, answer);
    expect(events[0]).toMatchObject({ type: "crisis", category: "suicide", level: "high" });
    expect(done.kind).toBe("crisis");
    const [escalation] = await escalationsOf(c);
    expect(escalation).toMatchObject({ category: "suicide", level: "high", status: "open" });
    expect(escalation!.evidence[0]).toMatchObject({ rule: "screening:suicide:yes", phrase: answer });
    expect((await notificationsOf(c)).map((n) => n.channel)).toEqual(["webhook"]);
  });

  it.each(["是的", "有过", "嗯"])("asks in Chinese, and escalates the yes %j", async (answer) => {
    const c = await newConversation();
    const asked = await turn(c, "最近什么都提不起劲，晚上睡不好怎么办？", concern("suicide"));
    expect(asked.text.trim().endsWith("你有没有想过希望自己死了，或者希望睡着了再也不要醒来？")).toBe(true);
    const { events } = await turn(c, answer);
    expect(events[0]).toMatchObject({ type: "crisis", category: "suicide" });
    expect(await escalationsOf(c)).toHaveLength(1);
  });

  it("continues normally after a clear no, and does not ask the same question again", async () => {
    const c = await newConversation();
    await turn(c, "Everything feels pointless lately.", concern("suicide"));
    const no = await turn(c, "No, never. How much salt should I eat a day?");
    expect(no.events.some((e) => e.type === "crisis" || e.type === "support")).toBe(false);
    expect(no.text).toContain("five grams of salt");
    const again = await turn(c, "Still feeling low.", concern("suicide"));
    expect(again.support).toMatchObject({ screening: null });
    expect(again.text).not.toMatch(/wished you were dead/);
    expect(await escalationsOf(c)).toEqual([]);
  });

  it("asks the emergency family's red-flag question for a medical check-in, and a yes in any wording escalates", async () => {
    const c = await newConversation();
    const asked = await turn(c, "我胸口闷，是不是没睡好？", concern("medical"));
    expect(asked.support!.screening).toMatchObject({ id: "chest_pain", category: "medical" });
    expect(asked.text).toContain("现在还在疼吗？");
    const { events } = await turn(c, "还在疼");
    expect(events[0]).toMatchObject({ type: "crisis", category: "medical", level: "imminent" });
  });

  it("asks whether the patient is in danger for a violence check-in", async () => {
    const c = await newConversation();
    const asked = await turn(c, "My partner shouts at me a lot. How do I sleep better?", concern("violence"));
    expect(asked.support!.screening).toMatchObject({ id: "violence", question: "Are you in danger right now, or afraid someone will hurt you?" });
    const { events } = await turn(c, "I don't feel safe at home");
    expect(events[0]).toMatchObject({ type: "crisis", category: "violence" });
  });

  it("shows in the doctor's conversation log (filter and badge) and in analytics, next to escalations", async () => {
    const c = await newConversation();
    await turn(c, "Everything feels pointless lately.", concern("suicide"));
    const caller = testCaller(database.db, doctor);
    const log = await caller.conversationLog.list({ avatarId: target.avatarId, kind: "check_in" });
    expect(log.conversations.map((x) => x.id)).toContain(c);
    expect(log.conversations.every((x) => x.checkIn)).toBe(true);
    const transcript = await caller.conversationLog.get({ conversationId: c });
    expect(transcript.messages.find((m) => m.role === "avatar")).toMatchObject({ screening: "suicide", checkInCategory: "suicide" });

    const now = Date.now();
    const analytics = await caller.analytics.get({ from: new Date(now - 86_400_000), to: new Date(now + 86_400_000), timeZone: "UTC" });
    const asked = (await database.db.select({ id: messages.id }).from(messages).where(eq(messages.screening, "suicide"))).length;
    expect(analytics.checkIns.byCategory.find((x) => x.category === "suicide")?.count).toBe(asked);
    expect(analytics.checkIns.total).toBeGreaterThanOrEqual(asked);
    const days = analytics.safetyDaily.reduce((sum, d) => ({ checkIns: sum.checkIns + d.checkIns, escalations: sum.escalations + d.escalations }), { checkIns: 0, escalations: 0 });
    expect(days).toEqual({ checkIns: analytics.checkIns.total, escalations: analytics.escalations.total });
    expect(analytics.escalations.total).toBeGreaterThan(0);
  });
});

describe("the built-in red-flag screen", () => {
  it("asks the stroke question for a hidden presentation on an avatar with no protocol for it, and a yes escalates", async () => {
    const c = await newConversation();
    const asked = await turn(c, "My daughter made me ask. I'm just tired and I keep dropping things.");
    expect(asked.support!.screening).toMatchObject({ id: "stroke", category: "medical" });
    expect(asked.text).toContain("Did it come on suddenly? Is one side of the face or body weak or numb, or is speech slurred?");
    expect(await escalationsOf(c)).toEqual([]);
    const { events } = await turn(c, "My right hand feels weak and heavy, and my words come out slurred.");
    expect(events[0]).toMatchObject({ type: "crisis", category: "medical", level: "imminent" });
    expect((await escalationsOf(c))[0]!.evidence[0]!.rule).toBe("screening:stroke:yes");
  });
});

import { assessCrisisRules } from "@/server/safety/detect";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { conversations, escalations, messages } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createAvatar, getAvatarOrThrow, snapshotOf, updateAvatar } from "@/server/avatars/avatar.service";
import { DEMO_CHEST_PAIN_PROTOCOL } from "@/server/demo/protocols";
import { parseConfig } from "@/server/env";
import { drainIngestionQueue } from "@/server/jobs/ingest";
import { addDocument, pasteDocument } from "@/server/knowledge/document.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { type TProtocolInput, ZProtocolInput } from "@/server/protocols/protocol.schema";
import { createProtocol, protocolsForTarget } from "@/server/protocols/protocol.service";
import { createTestDatabase, createTestOrg, testAvatarProfile } from "@/server/test/db";
import { startFakeOpenAIServer } from "@/server/test/openai-server";
import { openConversation } from "@/server/conversations/store";
import { type ChatEvent, type ChatTarget, respond } from "./engine";
import { createChatModel } from "@/server/llm/model";

const embedder = createOfflineEmbedder();
let database: Database;
let doctor: Principal<"staff">;
let target: ChatTarget;

const NO_ANSWER = "Dr. Qin has not written about this; please book a visit at the clinic.";
const REDIRECT = "Dr. Qin's avatar only covers headaches and blood pressure. 秦医生的分身只回答头痛和血压的问题。";

const HEADACHE: TProtocolInput = {
  title: "Headache",
  chiefComplaint: "headache",
  triggersEn: ["headache", "migraine"],
  triggersZh: ["头痛", "头疼"],
  questions: [
    { id: "duration", text: "How many days have you had it?", kind: "number", unit: "days", unitAliases: ["day", "天"], min: 0, max: 365 },
    { id: "severity", text: "How bad is the pain, from 0 to 10?", kind: "number", min: 0, max: 10 },
    {
      id: "onset",
      text: "Did it start suddenly or gradually?",
      kind: "choice",
      options: [
        { label: "Suddenly", aliases: ["sudden", "突然"] },
        { label: "Gradually", aliases: ["gradual", "slowly", "慢慢", "逐渐"] },
      ],
      redFlags: [{ match: { type: "choice", option: "Suddenly" }, action: "escalate", urgency: "emergency", message: "A sudden severe headache needs a doctor now." }],
    },
    {
      id: "fever",
      text: "Do you have a fever or a stiff neck?",
      kind: "text",
      redFlags: [{ match: { type: "phrases", phrases: ["stiff neck", "脖子僵硬"] }, action: "urge_care", urgency: "today", message: "A stiff neck with headache should be seen today." }],
    },
    { id: "medicine", text: "Which medicines have you taken for it?", kind: "text" },
  ],
  closingAdvice: "Rest, drink water and keep a headache diary.",
  closingUrgency: "days",
};

async function turn(conversationId: string, message: string, chatModel: ReturnType<typeof createChatModel> = null, t: ChatTarget = target) {
  const events: ChatEvent[] = [];
  // Protocol flow under test: the rules alone assess, so a retrained classifier that escalates a
  // red-flag answer a step earlier (as it may) does not change which path these tests exercise.
  for await (const e of respond({ db: database.db, embedder, chatModel, assess: assessCrisisRules }, { target: t, conversationId, message })) events.push(e);
  const text = events.flatMap((e) => (e.type === "text" ? [e.delta] : [])).join("");
  const done = events.at(-1) as Extract<ChatEvent, { type: "done" }>;
  return { events, text, done };
}

const newConversation = (t: ChatTarget = target) => openConversation(database.db, { target: t, sessionHash: `s-${crypto.randomUUID()}`, locale: "en" });
const savedMessage = async (id: string) => (await database.db.select().from(messages).where(eq(messages.id, id)))[0]!;
const stateOf = async (conversationId: string) => (await database.db.select().from(conversations).where(eq(conversations.id, conversationId)))[0]!;

beforeAll(async () => {
  database = await createTestDatabase();
  doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
  const avatar = await createAvatar(
    database.db,
    doctor,
    testAvatarProfile("Dr. Qin", {
      specialty: "Neurology",
      topicsOut: ["cosmetic surgery / 整形", "weight-loss drugs / 减肥药"],
      outOfScopeText: REDIRECT,
      noAnswerText: NO_ANSWER,
      tone: "Warm and plain-spoken.",
    }),
  );
  const limits = { maxBytes: 1 << 20 };
  await pasteDocument(database.db, doctor, {
    avatarId: avatar.id,
    title: "Headache care",
    text: "# Headache\n\nMost headaches get better with rest, water and regular meals. Keep a headache diary of when the headache starts and what you took for it.\n\n# 头痛\n\n大多数头痛通过休息、多喝水可以缓解。",
  }, limits);
  await pasteDocument(database.db, doctor, {
    avatarId: avatar.id,
    title: "Salt",
    text: "# Salt for adults\n\nAdults should eat less than five grams of salt a day.\n\n# Salt for children\n\nChildren aged one to three should eat no more than two grams of salt a day.\n\n# 盐\n\n成人每天吃盐不超过五克。孩子每天吃盐不超过两克。",
  }, limits);
  await addDocument(database.db, doctor, {
    avatarId: avatar.id,
    title: "FAQ",
    filename: "faq.csv",
    format: "csv",
    bytes: new TextEncoder().encode("question,answer,urgency\nWhat should I do about sudden chest pain at rest?,Call emergency services now.,emergency\n"),
  }, limits);
  await drainIngestionQueue(database.db, embedder);
  await createProtocol(database.db, doctor, avatar.id, ZProtocolInput.parse(HEADACHE));
  const a = await getAvatarOrThrow(database.db, doctor, avatar.id, "read");
  target = { avatarId: a.id, orgId: a.orgId, versionId: null, persona: snapshotOf(a), protocols: await protocolsForTarget(database.db, { avatarId: a.id, versionId: null }) };
});

afterAll(async () => {
  await database?.close();
});

describe("answer policy", () => {
  it("materials only: refuses beyond the materials with the doctor's own words", async () => {
    const { text, done } = await turn(await newConversation(), "Which vaccines does my puppy need?");
    expect(text).toBe(NO_ANSWER);
    expect(done.kind).toBe("no_answer");
  });

  it("materials first without a model: the offline composer can only quote, so it refuses the same way", async () => {
    const t = { ...target, persona: { ...target.persona, answerPolicy: "materials_first" as const } };
    const { text, done } = await turn(await newConversation(t), "Which vaccines does my puppy need?", null, t);
    expect(text).toBe(NO_ANSWER);
    expect(done.kind).toBe("no_answer");
  });
});

describe("scope", () => {
  it.each([
    ["en", "Can you recommend a good cosmetic surgery clinic?"],
    ["zh", "我想去做整形手术，可以吗？"],
    ["zh", "减肥药有用吗？"],
  ])("redirects an out-of-scope question (%s) instead of answering", async (_language, question) => {
    const { text, events, done } = await turn(await newConversation(), question);
    expect(text).toBe(REDIRECT);
    expect(events.some((e) => e.type === "citations")).toBe(false);
    expect((await savedMessage(done.messageId)).model).toBe("scope-redirect");
  });

  it("still answers questions that only sound alike", async () => {
    const { done } = await turn(await newConversation(), "How much salt should adults eat a day?");
    expect(done.kind).toBe("answer");
  });
});

describe("a consultation protocol", () => {
  it("asks one question at a time, records unknowns, takes answers out of order and closes with a summary", async () => {
    const c = await newConversation();
    const opened = await turn(c, "I have had a headache since Monday");
    expect(opened.text).toContain("How many days have you had it?");
    expect((await stateOf(c)).protocolState).toMatchObject({ step: 0, answers: {} });

    const unknown = await turn(c, "I don't know, honestly");
    expect(unknown.text).toContain("How bad is the pain, from 0 to 10?");
    expect((await stateOf(c)).protocolState!.answers.duration).toMatchObject({ unknown: true, value: null });

    // The severity, and the onset before it is asked: the onset question is skipped.
    const ahead = await turn(c, "About 6, and it came on gradually");
    expect(ahead.text).toContain("Do you have a fever or a stiff neck?");
    expect(ahead.text).not.toContain("suddenly or gradually");
    expect((await stateOf(c)).protocolState!.answers).toMatchObject({ severity: { value: 6 }, onset: { value: "Gradually" } });

    const fever = await turn(c, "No fever and my neck is fine");
    expect(fever.text).toContain("Which medicines have you taken for it?");

    const closing = await turn(c, "Paracetamol this morning");
    expect(closing.text).toMatch(/Here is what I heard/);
    expect(closing.text).toContain("not sure");
    expect(closing.text).toContain("Gradually");
    expect(closing.text).toContain("Rest, drink water and keep a headache diary.");
    expect(closing.text).toContain("See a doctor within the next few days.");
    expect(closing.events).toContainEqual({ type: "urgency", level: "days" });
    const citations = closing.events.find((e) => e.type === "citations") as Extract<ChatEvent, { type: "citations" }>;
    expect(citations.citations[0]!.documentTitle).toBe("Headache care");
    expect(closing.text).toMatch(/\[1\]/);
    const saved = await savedMessage(closing.done.messageId);
    expect(saved.urgency).toBe("days");
    expect(saved.timings).toMatchObject({ safetyMs: expect.any(Number), retrievalMs: expect.any(Number), composeMs: expect.any(Number), firstTokenMs: expect.any(Number) });
    expect((await stateOf(c)).protocolState).toBeNull();
  });

  it("escalates a red-flag answer through the crisis path (Chinese trigger, answered at once)", async () => {
    const c = await newConversation();
    const { events, text, done } = await turn(c, "我头痛，是突然开始的");
    expect(events[0]).toMatchObject({ type: "crisis", category: "medical", level: "imminent" });
    expect(text).toContain("A sudden severe headache needs a doctor now.");
    expect(done.kind).toBe("crisis");
    const [escalation] = await database.db.select().from(escalations).where(eq(escalations.conversationId, c));
    expect(escalation).toMatchObject({ category: "medical", status: "open" });
    expect(escalation!.evidence[0]!.rule).toMatch(/^protocol:.+:onset$/);
    expect((await stateOf(c)).protocolState).toBeNull();
  });

  it("closes early with the urgency an urge-care red flag sets", async () => {
    const c = await newConversation();
    await turn(c, "bad headache");
    await turn(c, "3 days");
    await turn(c, "7");
    await turn(c, "gradually");
    const { text, events } = await turn(c, "yes, my neck is a bit stiff");
    expect(text).toContain("A stiff neck with headache should be seen today.");
    expect(events).toContainEqual({ type: "urgency", level: "today" });
    expect(text).toContain("See a doctor today.");
  });

  it("runs crisis assessment first inside a protocol", async () => {
    const c = await newConversation();
    await turn(c, "migraine again");
    const { events } = await turn(c, "I want to kill myself");
    expect(events[0]).toMatchObject({ type: "crisis", category: "suicide" });
  });

  it("lets the patient stop, or leave with a different question that is then answered", async () => {
    const stop = await newConversation();
    await turn(stop, "头疼");
    const stopped = await turn(stop, "停止");
    expect(stopped.text).toMatch(/先不问了|stop the questions/);
    expect((await stateOf(stop)).protocolState).toBeNull();

    const leave = await newConversation();
    await turn(leave, "headache");
    const other = await turn(leave, "How much salt should adults eat a day?");
    expect(other.text).toContain("less than five grams of salt");
    expect((await stateOf(leave)).protocolState).toBeNull();
  });

  it("escalates the demo chest-pain protocol when the patient describes the spread instead of saying yes", async () => {
    // Its own avatar: "chest pain" would otherwise open this protocol for the FAQ tests below.
    const avatar = await createAvatar(database.db, doctor, testAvatarProfile("Dr. Lin", { specialty: "Cardiology" }));
    await createProtocol(database.db, doctor, avatar.id, ZProtocolInput.parse(DEMO_CHEST_PAIN_PROTOCOL));
    const a = await getAvatarOrThrow(database.db, doctor, avatar.id, "read");
    const cardiology: ChatTarget = { avatarId: a.id, orgId: a.orgId, versionId: null, persona: snapshotOf(a), protocols: await protocolsForTarget(database.db, { avatarId: a.id, versionId: null }) };
    const escalatesOn = async (opening: string, duration: string, spread: string) => {
      const c = await newConversation(cardiology);
      await turn(c, opening, null, cardiology);
      const asked = await turn(c, duration, null, cardiology);
      expect(asked.text).toMatch(/spread to your left arm, jaw or back|放射到左臂、下颌或后背/);
      expect((await stateOf(c)).protocolState?.answers.days).toMatchObject({ value: 0 });
      const { events, done } = await turn(c, spread, null, cardiology);
      expect(events[0]).toMatchObject({ type: "crisis", category: "medical", level: "imminent" });
      expect(done.kind).toBe("crisis");
      const [escalation] = await database.db.select().from(escalations).where(eq(escalations.conversationId, c));
      return escalation!.evidence[0]!.rule;
    };
    // The crisis detector knows this wording of radiating chest pain itself; the protocol must escalate either way.
    expect(await escalatesOn("I have chest pain", "Started about 40 minutes ago", "it goes into my left arm and jaw")).toMatch(/chest_radiating|^protocol:.+:spread$/);
    // These only the protocol's reading of the answer catches.
    expect(await escalatesOn("I have chest pain", "an hour or so", "it reaches my back too")).toMatch(/^protocol:.+:spread$/);
    expect(await escalatesOn("我胸口疼", "两个小时了", "后背也有点")).toMatch(/^protocol:.+:spread$/);
  });

  it("re-asks when a number answer is missing or out of range", async () => {
    const c = await newConversation();
    await turn(c, "headache");
    await turn(c, "2 days");
    const { text } = await turn(c, "42");
    expect(text).toMatch(/outside what I expect/);
    expect(text).toContain("How bad is the pain");
  });
});

describe("graded advice from a curated answer", () => {
  it("carries the FAQ's urgency as an event and on the saved message", async () => {
    const { events, done } = await turn(await newConversation(), "What should I do about sudden chest pain at rest?");
    expect(events).toContainEqual({ type: "urgency", level: "emergency" });
    expect((await savedMessage(done.messageId)).urgency).toBe("emergency");
  });
});

describe("follow-up questions", () => {
  it.each([
    ["How much salt should adults eat a day?", "What about for children?", /two grams of salt/],
    ["成人每天吃盐多少合适？", "那孩子呢？", /孩子每天吃盐不超过两克/],
  ])("are retrieved with the previous question's terms: %s → %s", async (first, followUp, expected) => {
    const c = await newConversation();
    await turn(c, first);
    const { text, done } = await turn(c, followUp);
    expect(done.kind).toBe("answer");
    expect(text).toMatch(expected);
  });
});

describe("with an OpenAI-compatible model", () => {
  let server: Awaited<ReturnType<typeof startFakeOpenAIServer>>;
  const model = () => createChatModel(parseConfig({ LLM_BASE_URL: server.baseURL, LLM_MODEL: "fake-7b", LLM_TIMEOUT_MS: "1500" }));
  beforeAll(async () => {
    server = await startFakeOpenAIServer((request) => {
      const system = request.messages[0]!.content;
      if (system.includes("crisis classifier")) return '{"category": "none", "level": "none"}';
      if (system.includes("consultation question")) return "Roughly how many days has this headache been going on?";
      if (system.includes("standalone question")) return "How much salt should children eat a day?";
      return "Drink water and rest. [1]";
    });
  });
  afterAll(() => server.close());

  it("words protocol questions naturally, but falls back to the doctor's literal question when the model fails", async () => {
    server.state.mode = "answer";
    const c = await newConversation();
    const worded = await turn(c, "headache", model());
    expect(worded.text).toContain("Roughly how many days has this headache been going on?");
    expect((await savedMessage(worded.done.messageId)).model).toBe("protocol (worded by openai-compatible:fake-7b)");
    server.state.mode = "error";
    const literal = await turn(c, "2 days", model());
    expect(literal.text).toContain("How bad is the pain, from 0 to 10?");
    server.state.mode = "answer";
  });

  it("labels general knowledge under materials first, and never under materials only", async () => {
    server.state.mode = "answer";
    const first = { ...target, persona: { ...target.persona, answerPolicy: "materials_first" as const } };
    const general = await turn(await newConversation(first), "Which vaccines does my puppy need?", model(), first);
    expect(general.text.startsWith("General medical information, not from Dr. Qin's materials:")).toBe(true);
    expect(general.done.kind).toBe("answer");
    const only = await turn(await newConversation(), "Which vaccines does my puppy need?", model());
    expect(only.text).toBe(NO_ANSWER);
  });

  it("sends persona, tone, scope and policy in the prompt, and rewrites a follow-up with the model", async () => {
    server.state.mode = "answer";
    const c = await newConversation();
    await turn(c, "How much salt should adults eat a day?", model());
    const before = server.state.requests.length;
    await turn(c, "And for kids?", model());
    const requests = server.state.requests.slice(before);
    expect(requests.some((r) => r.messages[0]!.content.includes("standalone question"))).toBe(true);
    const answer = requests.find((r) => r.messages[0]!.content.startsWith("You are the AI avatar"))!;
    expect(answer.messages[0]!.content).toMatch(/Warm and plain-spoken/);
    expect(answer.messages[0]!.content).toMatch(/never answer[^\n]*cosmetic surgery/);
    expect(answer.messages[0]!.content).toMatch(/Answer ONLY from the passages/);
    // The earlier turns travel as conversation history; the rewritten question found the children's passage.
    expect(answer.messages.some((m) => m.role === "assistant")).toBe(true);
    expect(answer.messages.at(-1)!.content).toMatch(/two grams/);
  });

  it("summarises a long conversation for the model instead of cutting it", async () => {
    server.state.mode = "answer";
    const c = await newConversation();
    const questions = ["How much salt should adults eat a day?", "How much salt for a child?", "Is five grams of salt a lot?", "Where does salt hide in food?"];
    for (const q of questions) await turn(c, q);
    const before = server.state.requests.length;
    await turn(c, "Should I eat less salt if I am older?", model());
    const answer = server.state.requests.slice(before).find((r) => r.messages[0]!.content.startsWith("You are the AI avatar"))!;
    const last = answer.messages.at(-1)!.content;
    expect(last).toMatch(/<conversation_summary>[\s\S]*Patient: How much salt should adults eat a day\?[\s\S]*<\/conversation_summary>/);
    expect((await stateOf(c)).summary).toContain("Patient: How much salt should adults eat a day?");
  });

  it.each(["error", "hang"] as const)("gives a clear message and the offline answer when the model %s", async (mode) => {
    server.state.mode = mode;
    const { text, done } = await turn(await newConversation(), "How much salt should adults eat a day?", model());
    expect(text).toMatch(/language model did not answer/);
    expect(text).toContain("less than five grams of salt");
    expect((await savedMessage(done.messageId)).model).toMatch(/after openai-compatible:fake-7b failed/);
    server.state.mode = "answer";
  });
});

describe("persona fields", () => {
  it("are frozen into the snapshot, and updates keep only valid values", async () => {
    const updated = await updateAvatar(database.db, doctor, target.avatarId, testAvatarProfile("Dr. Qin", {
      hospital: "Riverside Hospital",
      languages: ["en", "zh-CN", "en"],
      suggestedQuestions: ["How much salt?", "", "How much salt?"],
      answerPolicy: "materials_first",
      topicsIn: ["headache"],
    }));
    const snapshot = snapshotOf(updated);
    expect(snapshot).toMatchObject({ hospital: "Riverside Hospital", languages: ["en", "zh-CN"], suggestedQuestions: ["How much salt?"], answerPolicy: "materials_first" });
    expect(() => testAvatarProfile("Dr. Qin", { answerPolicy: "anything" as never })).toThrow(/answerPolicy/);
  });
});

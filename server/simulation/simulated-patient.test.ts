import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAIServer } from "@/server/test/openai-server";
import { createChatModel } from "@/server/llm/model";
import { type CaseCard, caseCardSchema } from "@/db/schema/case-card";
import { offlinePatientReply, simulatePatientReply } from "./simulated-patient";

const enCard: CaseCard = caseCardSchema.parse({
  name: "Mr Brown",
  age: 58,
  sex: "male",
  language: "en",
  chiefComplaint: "Indigestion",
  openingLine: "I've had some indigestion tonight.",
  facts: [
    { topic: "onset", answer: "It started about two hours ago, after dinner.", keywords: ["start"] },
    { topic: "associated_symptoms", answer: "The pain goes into my left arm and I'm sweating.", keywords: ["arm", "sweat", "spread"] },
    { topic: "medications", answer: "Only amlodipine for my blood pressure.", keywords: ["amlodipine"] },
    { topic: "social_history", answer: "I smoke a pack a day.", keywords: ["smoke", "cigarette"] },
  ],
  results: [{ name: "ECG", result: "ST elevation in V2–V4.", keywords: ["ecg", "ekg"] }],
  hiddenRedFlags: ["Pain radiating to the left arm with sweating"],
  crisis: true,
});

const zhCard: CaseCard = caseCardSchema.parse({
  ...enCard,
  name: "王阿姨",
  language: "zh-CN",
  chiefComplaint: "胃不舒服",
  openingLine: "医生，我今晚胃有点不舒服。",
  facts: [
    { topic: "onset", answer: "两个小时前吃完晚饭开始的。", keywords: ["开始"] },
    { topic: "associated_symptoms", answer: "疼到左边胳膊，还一直出汗。", keywords: ["胳膊", "出汗", "放射"] },
    { topic: "allergies", answer: "我对青霉素过敏。", keywords: ["青霉素"] },
  ],
  results: [{ name: "心电图", result: "V2–V4 导联 ST 段抬高。", keywords: ["心电图"] }],
  hiddenRedFlags: ["疼痛放射到左臂伴出汗"],
});

const ask = (card: CaseCard, question: string) => offlinePatientReply({ card, transcript: [], question });

describe("offline simulated patient", () => {
  it("reveals a fact only when it is asked for (en)", () => {
    const onset = ask(enCard, "When did it start?");
    expect(onset.text).toContain("two hours ago");
    expect(onset.revealed).toEqual(["fact:0"]);
    expect(onset.text).not.toMatch(/arm|sweat|smoke/i);

    const spread = ask(enCard, "Does the pain spread to your arm?");
    expect(spread.text).toContain("left arm");
    expect(spread.revealed).toContain("fact:1");
  });

  it("reveals a fact only when it is asked for (zh)", () => {
    const onset = ask(zhCard, "什么时候开始的？");
    expect(onset.text).toContain("两个小时前");
    expect(onset.text).not.toMatch(/胳膊|出汗|青霉素/);
    expect(ask(zhCard, "有没有药物过敏？").text).toContain("青霉素");
    expect(ask(zhCard, "疼痛会放射到别的地方吗，比如胳膊？").revealed).toContain("fact:1");
  });

  it("hears how long it has lasted even when the question names the complaint ('How many days has the pain lasted?')", () => {
    const card = caseCardSchema.parse({
      ...enCard,
      facts: [{ topic: "presenting_illness", answer: "A heavy pressure in my chest.", keywords: ["chest", "pain", "pressure", "胸"] }, ...enCard.facts],
    });
    const reply = ask(card, "胸痛有几天了？How many days have you had the chest pain?");
    expect(reply.text).toContain("two hours ago");
    expect(reply.text).not.toMatch(/arm|sweat/i);
  });

  it("never volunteers a hidden red flag to an unrelated question or a greeting", () => {
    for (const q of ["Hello", "Do you have any allergies?", "How is your sleep?", "Is there anything else?"]) {
      const r = ask(enCard, q);
      expect(r.text).not.toMatch(/arm|sweat/i);
      expect(r.revealed).not.toContain("fact:1");
    }
    for (const q of ["您好", "你睡得怎么样？", "还有别的吗？"]) {
      expect(ask(zhCard, q).text).not.toMatch(/胳膊|出汗/);
    }
  });

  it("says it is not sure when the card does not say", () => {
    expect(ask(enCard, "Have you travelled abroad recently?")).toEqual({ text: "I'm not sure.", revealed: [] });
    expect(ask(zhCard, "最近出过国吗？")).toEqual({ text: "我不太清楚。", revealed: [] });
  });

  it("gives a result when it is ordered, and answers greetings and 'anything else' without new facts", () => {
    expect(ask(enCard, "Let's do an ECG.").text).toContain("ST elevation");
    expect(ask(zhCard, "做个心电图看看。").revealed).toEqual(["result:0"]);
    expect(ask(enCard, "Hi there").text).toContain("Hello, doctor.");
    expect(ask(enCard, "Anything else you want to tell me?").text).toBe("No, I think that's everything.");
    expect(ask(zhCard, "还有别的吗？").text).toBe("没有了，就这些。");
  });

  it("stays in character: a terse patient says one sentence, an anxious one worries", () => {
    const terse = { ...enCard, personality: "terse" as const, facts: [{ topic: "onset" as const, answer: "Two hours ago. Right after a big dinner with my family.", keywords: [] }] };
    expect(ask(terse, "When did it start?").text).toBe("Two hours ago.");
    const anxious = ask({ ...zhCard, personality: "anxious" }, "什么时候开始的？").text;
    expect(anxious).toContain("两个小时前");
    expect(anxious).toMatch(/严重|大病|要紧/);
  });
});

describe("simulated patient with a model", () => {
  let server: Awaited<ReturnType<typeof startFakeOpenAIServer>>;
  beforeAll(async () => {
    server = await startFakeOpenAIServer("It began after dinner, doctor.");
  });
  afterAll(() => server.close());
  const model = () =>
    createChatModel({ LLM_BASE_URL: server.baseURL, LLM_MODEL: "fake", LLM_TIMEOUT_MS: 5000 } as Parameters<typeof createChatModel>[0]);

  it("role-plays from the card as data, with the no-volunteering rule, and reports what was asked for", async () => {
    server.state.mode = "answer";
    const r = await simulatePatientReply({ chatModel: model() }, { card: enCard, transcript: [], question: "When did it start?" });
    expect(r).toEqual({ text: "It began after dinner, doctor.", revealed: ["fact:0"] });
    const system = server.state.requests.at(-1)!.messages.find((m) => m.role === "system")!.content;
    expect(system).toContain("<case_card>");
    expect(system).toMatch(/Never volunteer/);
  });

  it("falls back to the offline patient when the model fails", async () => {
    server.state.mode = "error";
    const r = await simulatePatientReply({ chatModel: model() }, { card: zhCard, transcript: [], question: "什么时候开始的？" });
    expect(r.text).toContain("两个小时前");
  });
});

import { describe, expect, it } from "vitest";
import { answersIntent, headingAnnounces, headingAnnouncesOther, isAnswerForm, questionIntents } from "./intent";

describe("questionIntents", () => {
  it.each([
    ["What blood pressure counts as high?", "number"],
    ["How much salt can I eat per day?", "number"],
    ["血压多少算高？", "number"],
    ["一天喝几杯水合适？", "number"],
    ["What is atrial fibrillation?", "definition"],
    ["什么是幽门螺杆菌？", "definition"],
    ["Why do my ankles swell?", "cause"],
    ["老是口臭是什么原因？", "cause"],
    ["Who is at risk for sleep apnea?", "risk"],
    ["哪些人容易得胃癌？", "risk"],
    ["What are the signs of a heart attack?", "symptom"],
    ["胃溃疡有什么症状？", "symptom"],
    ["How is anemia diagnosed?", "diagnosis"],
    ["胃镜能查出幽门螺杆菌吗？", "diagnosis"],
    ["What medicine treats gout?", "treatment"],
    ["胃溃疡吃什么药好？", "treatment"],
    ["How can I prevent a stroke?", "prevention"],
    ["怎么预防胃炎复发？", "prevention"],
    ["When should I see a doctor about a headache?", "see_doctor"],
    ["胸口疼需要去医院吗？", "see_doctor"],
    ["Can I drink coffee?", "advice"],
    ["高血压能不能喝咖啡？", "advice"],
  ] as const)("%s asks for %s", (question, intent) => {
    expect(questionIntents(question)).toContain(intent);
  });

  it("finds no kind in a bare topic", () => {
    expect(questionIntents("gout")).toEqual([]);
    expect(questionIntents("痛风")).toEqual([]);
  });

  it("does not take 'what is the best treatment' for a definition", () => {
    expect(questionIntents("What is the best treatment for gout?")).not.toContain("definition");
  });
});

describe("answer form", () => {
  it("knows a number from a tip that has none", () => {
    expect(answersIntent("A reading of 130/80 mmHg or higher is high blood pressure.", ["number"])).toBe(true);
    expect(answersIntent("每天不超过5克。", ["number"])).toBe(true);
    expect(answersIntent("Limit alcohol and stop smoking.", ["number"])).toBe(false);
    expect(answersIntent("限制饮酒，戒烟。", ["number"])).toBe(false);
  });

  it("knows a cause and a call to see a doctor", () => {
    expect(answersIntent("口臭多由胃炎引起。", ["cause"])).toBe(true);
    expect(answersIntent("Swelling happens when fluid builds up.", ["cause"])).toBe(true);
    expect(answersIntent("如果血压持续高于160/100 mmHg，请尽快就医。", ["see_doctor"])).toBe(true);
    expect(answersIntent("Call your doctor right away if the pain spreads.", ["see_doctor"])).toBe(true);
    expect(answersIntent("Drink water every day.", ["see_doctor"])).toBe(false);
  });

  it("reads section headings", () => {
    expect(headingAnnounces("When to get help", ["see_doctor"])).toBe(true);
    expect(headingAnnounces("什么时候需要就医", ["see_doctor"])).toBe(true);
    expect(headingAnnouncesOther("Risk factors", ["cause"])).toBe(true);
    expect(headingAnnouncesOther("Causes", ["cause"])).toBe(false);
    expect(headingAnnouncesOther("Living with gout", ["number"])).toBe(true);
    expect(headingAnnouncesOther("Gout", ["cause"])).toBe(false);
  });

  it("does not take a question or a restatement of the patient's case for an answer", () => {
    expect(isAnswerForm("有胃疼胃酸烧心胃不舒服吗？）")).toBe(false);
    expect(isAnswerForm("Are you short of breath?")).toBe(false);
    expect(isAnswerForm("青年男性，再次出现胸闷，伴发反酸烧心。")).toBe(false);
    expect(isAnswerForm("根据你的描述，考虑是胃炎。")).toBe(false);
    expect(isAnswerForm("胃炎要按时吃药，少吃辛辣。")).toBe(true);
    expect(isAnswerForm("Take the tablets with food.")).toBe(true);
  });
});

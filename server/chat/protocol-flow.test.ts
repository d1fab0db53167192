import { describe, expect, it } from "vitest";
import type { ProtocolQuestion } from "@/db/schema/protocols";
import { continueProtocol, isStop, isUnknown, parseAnswer, startProtocol } from "./protocol-flow";

const q = (over: Partial<ProtocolQuestion>): ProtocolQuestion => ({ id: "q", text: "?", kind: "text", options: [], unit: "", unitAliases: [], min: null, max: null, redFlags: [], ...over });
const yesNo = q({
  id: "spread",
  kind: "choice",
  options: [
    { label: "Yes", aliases: ["是", "有", "yes"] },
    { label: "No", aliases: ["否", "没有", "不是", "no"] },
  ],
});
const days = q({ id: "days", kind: "number", unit: "days", unitAliases: ["day", "天"] });

describe("parseAnswer", () => {
  it("reads yes and no in both languages, the longest word winning", () => {
    expect(parseAnswer(yesNo, "没有", true)?.value).toBe("No");
    expect(parseAnswer(yesNo, "有的", true)?.value).toBe("Yes");
    expect(parseAnswer(yesNo, "no, it stays in the chest", true)?.value).toBe("No");
    expect(parseAnswer(yesNo, "Yes, into my arm", true)?.value).toBe("Yes");
  });

  it("never fills a yes/no question before it is asked", () => {
    expect(parseAnswer(yesNo, "yes, 3 days", false)).toBeNull();
  });

  it("reads numbers with their unit, in digits or Chinese numerals", () => {
    expect(parseAnswer(days, "about 3 days", false)?.value).toBe(3);
    expect(parseAnswer(days, "两天了", false)?.value).toBe(2);
    expect(parseAnswer(days, "十二天", false)?.value).toBe(12);
    expect(parseAnswer(days, "since 5pm", false)).toBeNull();
    expect(parseAnswer(days, "4", true)?.value).toBe(4);
  });
});

describe("answers that describe instead of saying yes or no", () => {
  const spread = { ...yesNo, text: "疼痛会放射到左臂、下颌或后背吗？Does the pain spread to your left arm, jaw or back?" };
  const topic = "胸痛 chest pain";

  it.each([
    "Now you mention it, it goes into my left arm and jaw, and I'm sweaty",
    "my jaw aches too",
    "左胳膊也疼",
    "下巴发麻",
    "后背也有点痛",
    "左胳膊也不舒服",
  ])("takes %s as Yes", (m) => expect(parseAnswer(spread, m, true, topic)?.value).toBe("Yes"));

  it.each(["It doesn't spread", "it doesn't go to my arm or jaw", "没有放射", "左胳膊不疼", "my left arm is not affected"])("takes %s as No", (m) =>
    expect(parseAnswer(spread, m, true, topic)?.value).toBe("No"),
  );

  it("leaves unrelated answers and the complaint itself unread", () => {
    for (const m of ["It's a pressure in the middle of my chest", "疼得厉害", "after dinner"]) expect(parseAnswer(spread, m, true, topic)).toBeNull();
  });

  it("reads only the question being asked, and only yes/no questions", () => {
    expect(parseAnswer(spread, "it goes into my left arm", false, topic)).toBeNull();
    const side = q({ kind: "choice", text: "Which arm, left or right?", options: [{ label: "Left", aliases: [] }, { label: "Right", aliases: [] }] });
    expect(parseAnswer(side, "my arm hurts", true, topic)).toBeNull();
  });
});

describe("durations for a question counted in days", () => {
  it.each([
    ["Started about 40 minutes ago", 0],
    ["an hour ago", 0],
    ["两个小时", 0],
    ["半小时前开始的", 0],
    ["三天", 3],
    ["2 weeks now", 14],
    ["两周了", 14],
    ["一个星期", 7],
  ])("reads %s as %i days, asked or ahead", (m, value) => {
    expect(parseAnswer(days, m, true)?.value).toBe(value);
    expect(parseAnswer(days, m, false)?.value).toBe(value);
  });

  it("converts nothing for a question counted in another unit", () => {
    const hours = q({ kind: "number", unit: "hours", unitAliases: ["hour", "小时"] });
    expect(parseAnswer(hours, "2 weeks", false)).toBeNull();
    expect(parseAnswer(hours, "两个小时", false)?.value).toBe(2);
  });
});

describe("unknowns and stopping", () => {
  it.each(["I don't know", "not sure", "不知道", "说不清"])("recognises %s as not knowing", (m) => expect(isUnknown(m)).toBe(true));
  it.each(["stop", "Stop asking me", "停止", "别问了"])("recognises %s as stopping", (m) => expect(isStop(m)).toBe(true));
  it("does not take an ordinary answer for either", () => {
    expect(isUnknown("three days")).toBe(false);
    expect(isStop("it stopped hurting yesterday")).toBe(false);
  });
});

describe("the protocol steps", () => {
  const protocol = {
    id: "p",
    title: "Chest pain",
    chiefComplaint: "chest pain",
    triggersZh: ["胸痛"],
    triggersEn: ["chest pain"],
    closingAdvice: "",
    closingUrgency: "days" as const,
    questions: [days, { ...yesNo, redFlags: [{ match: { type: "choice" as const, option: "Yes" }, action: "escalate" as const, urgency: "emergency" as const, message: "" }] }],
  };

  it("fills what the trigger message already says and asks the next question", () => {
    const step = startProtocol(protocol, "我胸痛三天了");
    expect(step).toMatchObject({ kind: "ask", question: { id: "spread" }, state: { step: 1, answers: { days: { value: 3 } } } });
  });

  it("escalates on a red-flag option and leaves on a different question", () => {
    const asked = startProtocol(protocol, "chest pain for 2 days");
    if (asked.kind !== "ask") throw new Error(asked.kind);
    expect(continueProtocol(protocol, asked.state, "有，放射到左臂").kind).toBe("escalate");
    expect(continueProtocol(protocol, asked.state, "What should I eat for breakfast?").kind).toBe("left");
    expect(continueProtocol(protocol, asked.state, "No").kind).toBe("close");
  });
});

import { describe, expect, it } from "vitest";
import type { CrisisVerdictFound } from "./turn-types";
import { judgeScreeningAnswer, redFlagScreen, screeningForVerdict } from "./screening";

describe("judgeScreeningAnswer", () => {
  it.each([
    ["suicide", "yes"],
    ["suicide", "yeah sometimes"],
    ["suicide", "是的"],
    ["suicide", "有过"],
    ["suicide", "嗯"],
    ["chest_pain", "还在疼"],
    ["chest_pain", "Now you mention it, it goes into my left arm and jaw"],
    ["suicide", "No… well, sometimes"],
    ["suicide", "没有，不过有时候会想，要是不在了是不是大家都轻松点"],
    ["violence", "I don't feel safe at home"],
    ["stroke", "My right hand feels weak and heavy"],
    ["suicide", "Um, yes. I have."],
    ["suicide", "有时候会想，要是不在了是不是大家都轻松点。但没想过具体怎么做。"],
  ] as const)("%s: %j is a yes", (id, answer) => {
    expect(judgeScreeningAnswer(id, answer)).toBe("yes");
  });

  it.each([
    ["suicide", "No"],
    ["suicide", "no, never"],
    ["suicide", "没有"],
    ["suicide", "没有过"],
    ["chest_pain", "不疼了"],
    ["chest_pain", "No, it's gone and it doesn't spread"],
    ["suicide", "情绪有点低落，但没有不想活的念头。"],
    ["suicide", "No, I've never thought about hurting myself or ending my life. I'd never do that to my parents."],
  ] as const)("%s: %j is a no", (id, answer) => {
    expect(judgeScreeningAnswer(id, answer)).toBe("no");
  });

  it.each([
    ["suicide", "I'm not sure"],
    ["suicide", "不知道"],
    ["chest_pain", "What should I eat tonight?"],
  ] as const)("%s: %j is unclear", (id, answer) => {
    expect(judgeScreeningAnswer(id, answer)).toBe("unclear");
  });

  it("does not take an answer about something else for a yes", () => {
    expect(judgeScreeningAnswer("suicide", "每天晚上两三点才睡着，早上起不来。")).not.toBe("yes");
    expect(judgeScreeningAnswer("suicide", "情绪有点低落")).not.toBe("yes");
  });
});

describe("redFlagScreen", () => {
  it.each([
    ["I'm just tired, honestly — I didn't sleep well and I keep dropping things.", "stroke"],
    ["I've had bad indigestion since dinner and the antacids aren't touching it.", "chest_pain"],
    ["我胸口闷得厉害", "chest_pain"],
    ["我妈让我来问的……其实就是最近睡不好，没什么大事。", "suicide"],
    ["I've been feeling down for weeks", "suicide"],
    ["医生，我这两天大便是黑的", "bleeding"],
  ])("%j opens the %s screen", (message, id) => {
    expect(redFlagScreen(message, new Set())?.screening).toBe(id);
  });

  it("does not open on an ordinary question, a negated complaint, or a screen already asked", () => {
    expect(redFlagScreen("How much salt should I eat a day?", new Set())).toBeNull();
    expect(redFlagScreen("No chest pain, just a cough", new Set())).toBeNull();
    expect(redFlagScreen("I keep dropping things", new Set(["stroke"]))).toBeNull();
  });

  it("picks the emergency family of a medical check-in from the message, else the general question", () => {
    const verdict: CrisisVerdictFound = { category: "medical", level: "concern", evidence: [] };
    expect(screeningForVerdict(verdict, "pressure in my chest since this morning")).toBe("chest_pain");
    expect(screeningForVerdict(verdict, "my temperature is 39.5")).toBe("medical");
    expect(screeningForVerdict({ ...verdict, category: "violence" }, "he shouts at me")).toBe("violence");
  });
});

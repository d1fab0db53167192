import { describe, expect, it } from "vitest";
import { detectLanguage, splitSentences } from "./language";

function texts(input: string): string[] {
  return splitSentences(input).map((s) => s.text);
}

describe("detectLanguage", () => {
  it("tells Chinese from English, including mixed text", () => {
    expect(detectLanguage("我最近总是头疼，需要做CT吗？")).toBe("zh");
    expect(detectLanguage("幽门螺杆菌HP阳性")).toBe("zh");
    expect(detectLanguage("Should I worry about my cholesterol?")).toBe("en");
    expect(detectLanguage("The patient said 谢谢 and left the clinic early.")).toBe("en");
    expect(detectLanguage("")).toBe("en");
    expect(detectLanguage("12345 !!")).toBe("en");
  });
});

describe("splitSentences", () => {
  it("splits English and keeps offsets into the original string", () => {
    const input = "  Rest is key. Drink water!  Call us?\nThanks";
    const sentences = splitSentences(input);
    expect(sentences.map((s) => s.text)).toEqual(["Rest is key.", "Drink water!", "Call us?", "Thanks"]);
    for (const s of sentences) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it("does not split at abbreviations, decimals or before lowercase words", () => {
    expect(texts("Dr. Lin prescribed 2.5 mg daily, e.g. with breakfast. Ask Prof. Wu vs. Dr. Ma first.")).toEqual([
      "Dr. Lin prescribed 2.5 mg daily, e.g. with breakfast.",
      "Ask Prof. Wu vs. Dr. Ma first.",
    ]);
    expect(texts("It was approx. ten days. Then it stopped.")).toEqual(["It was approx. ten days.", "Then it stopped."]);
    expect(texts("Seen in the U.S. and Canada.")).toEqual(["Seen in the U.S. and Canada."]);
  });

  it("ends a sentence after a single capital such as a vitamin name", () => {
    expect(texts("Take vitamin D. It helps bones.")).toEqual(["Take vitamin D.", "It helps bones."]);
  });

  it("keeps closing quotes and brackets with their sentence", () => {
    expect(texts('He said "stop now." Then he left. (See the leaflet.) Done.')).toEqual([
      'He said "stop now."',
      "Then he left.",
      "(See the leaflet.)",
      "Done.",
    ]);
  });

  it("treats newlines as hard breaks and keeps list numbers with their item", () => {
    expect(texts("Steps to follow\n1. Rest well.\n2. Eat light meals.\n- Walk daily")).toEqual([
      "Steps to follow",
      "1. Rest well.",
      "2. Eat light meals.",
      "- Walk daily",
    ]);
  });

  it("splits a missing space after a period between words", () => {
    expect(texts("Fever and chills.Most cases pass quickly.")).toEqual(["Fever and chills.", "Most cases pass quickly."]);
  });

  it("splits Chinese at 。！？；… with offsets", () => {
    const input = "饭后胃胀怎么办？少吃多餐。别喝冷饮；注意保暖！慢慢会好的……谢谢医生";
    const sentences = splitSentences(input);
    expect(sentences.map((s) => s.text)).toEqual([
      "饭后胃胀怎么办？",
      "少吃多餐。",
      "别喝冷饮；",
      "注意保暖！",
      "慢慢会好的……",
      "谢谢医生",
    ]);
    for (const s of sentences) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it("handles Chinese written with ASCII punctuation and closing quotes", () => {
    expect(texts("胃疼吗?吃点药.医生说“多休息。”然后复查")).toEqual(["胃疼吗?", "吃点药.", "医生说“多休息。”", "然后复查"]);
  });

  it("returns nothing for blank input", () => {
    expect(splitSentences("  \n\t ")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { selectAnswerSentences, type ComposerPassage } from "./offline";

function passage(id: string, content: string, extra: Partial<ComposerPassage> = {}): ComposerPassage {
  return { id, documentTitle: "Patient handbook", headingPath: [], content, score: 1, ...extra };
}

const gout = passage(
  "gout-1",
  "Gout is a form of arthritis caused by uric acid crystals in a joint. " +
    "A gout attack often starts at night in the big toe. " +
    "Drinking plenty of water and limiting red meat can lower uric acid. " +
    "Our clinic is open on weekdays.",
  { headingPath: ["Gout"], score: 0.9 },
);
const flu = passage(
  "flu-1",
  "Influenza spreads through droplets when people cough or sneeze. A yearly vaccine lowers the risk of flu.",
  { headingPath: ["Influenza"], score: 0.4 },
);

describe("selectAnswerSentences", () => {
  it("copies only sentences that appear verbatim in the passages", () => {
    const passages = [gout, flu];
    const result = selectAnswerSentences({ question: "How can I lower uric acid to prevent gout?", passages });
    expect(result.length).toBeGreaterThan(0);
    for (const sentence of result) {
      const source = passages.find((p) => p.id === sentence.passageId)!;
      expect(source.content).toContain(sentence.text);
    }
    expect(result.map((s) => s.text)).toContain("Drinking plenty of water and limiting red meat can lower uric acid.");
    expect(result.map((s) => s.text)).not.toContain("Our clinic is open on weekdays.");
  });

  it("orders the answer by passage, then by position", () => {
    const result = selectAnswerSentences({ question: "What is gout and what is a gout attack?", passages: [gout, flu] });
    const positions = result.map((s) => gout.content.indexOf(s.text));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("returns nothing when the question does not overlap the passages", () => {
    expect(selectAnswerSentences({ question: "What time does the train to Lyon leave?", passages: [gout, flu] })).toEqual([]);
    expect(selectAnswerSentences({ question: "明天会下雨吗？", passages: [gout, flu] })).toEqual([]);
    expect(selectAnswerSentences({ question: "gout", passages: [] })).toEqual([]);
  });

  it("does not count a concept its own word brings as a second match: a question about what the passage never names gets nothing", () => {
    const salt = passage("salt-1", "With high blood pressure, eat less than five grams of salt a day. Salt raises blood pressure.", { headingPath: ["Blood pressure"] });
    expect(selectAnswerSentences({ question: "Can I eat sourdough bread?", passages: [salt] })).toEqual([]);
    expect(selectAnswerSentences({ question: "How much salt can I eat?", passages: [salt] }).map((s) => s.text).join(" ")).toContain("five grams of salt");
  });

  it("prefers sentences in the question's language", () => {
    const bilingual = passage(
      "bi-1",
      "痛风发作时要多喝水，少吃红肉。\nDuring a gout attack, drink water and eat less red meat.",
    );
    const [zh] = selectAnswerSentences({ question: "痛风发作时要多喝水吗？", passages: [bilingual], maxSentences: 1 });
    expect(zh!.text).toBe("痛风发作时要多喝水，少吃红肉。");
    const [en] = selectAnswerSentences({ question: "Should I drink water during a gout attack?", passages: [bilingual], maxSentences: 1 });
    expect(en!.text).toBe("During a gout attack, drink water and eat less red meat.");
  });

  it("brings the items after a lead-in that ends with a colon", () => {
    const list = passage("list-1", "Warning signs of dehydration include:\n- Dark urine\n- Dizziness\n- Dry mouth");
    const result = selectAnswerSentences({ question: "What are the warning signs of dehydration?", passages: [list], maxSentences: 4 });
    expect(result.map((s) => s.text)).toEqual(["Warning signs of dehydration include:", "Dark urine", "Dizziness", "Dry mouth"]);
  });

  it("respects maxSentences and maxChars", () => {
    const long = passage(
      "long-1",
      [
        "A gout flare calls for rest and ice on the painful joint.",
        "Anti-inflammatory medicine eases a gout flare within days.",
        "Colchicine can treat a gout flare when started early.",
        "Steroid injections treat a severe gout flare in one joint.",
        "Raising the foot helps a gout flare settle overnight.",
      ].join(" "),
    );
    expect(selectAnswerSentences({ question: "How to treat a gout flare?", passages: [long], maxSentences: 2 })).toHaveLength(2);
    const byChars = selectAnswerSentences({ question: "How to treat a gout flare?", passages: [long], maxChars: 150 });
    expect(byChars.reduce((n, s) => n + s.text.length, 0)).toBeLessThanOrEqual(150);
  });

  it("answers Chinese questions from Chinese passages", () => {
    const stomach = passage(
      "zh-1",
      "胃痛反复发作时，建议先做胃镜检查。饮食要规律，少吃辛辣和生冷食物。门诊时间是周一到周五。",
    );
    const result = selectAnswerSentences({ question: "胃痛反复发作需要做胃镜吗？", passages: [stomach] });
    expect(result.map((s) => s.text)).toContain("胃痛反复发作时，建议先做胃镜检查。");
    expect(result.map((s) => s.text)).not.toContain("门诊时间是周一到周五。");
  });

  it("skips near-duplicate sentences from overlapping passages", () => {
    const a = passage("a", "Ice reduces gout swelling. Elevate the foot.");
    const b = passage("b", "Ice reduces gout swelling. Rest the joint.");
    const result = selectAnswerSentences({ question: "Does ice help gout swelling?", passages: [a, b] });
    expect(result.filter((s) => s.text === "Ice reduces gout swelling.")).toHaveLength(1);
  });
});

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

  describe("answers what the question asks for", () => {
    const first = (question: string, passages: ComposerPassage[]) => selectAnswerSentences({ question, passages, maxSentences: 1 })[0]?.text;

    it("a number for how much, over a sentence that only shares more of the question's words", () => {
      const water = passage(
        "water-1",
        "Drinking water helps kidney stones pass, and drinking water every day keeps kidney stones from coming back. Drink 2 to 3 litres of water a day.",
      );
      expect(first("How much water should I drink a day with kidney stones?", [water])).toBe("Drink 2 to 3 litres of water a day.");
      const zh = passage("water-zh", "肾结石患者喝水能帮助结石排出，每天多喝水对肾结石有好处。肾结石患者每天喝水2000到3000毫升。");
      expect(first("肾结石每天喝多少水？", [zh])).toBe("肾结石患者每天喝水2000到3000毫升。");
    });

    it("when to see a doctor, over advice that shares the question's words", () => {
      const headache = passage(
        "headache-1",
        "A headache with a cold usually gets better with rest, water and a doctor's usual pain medicine. See a doctor at once if a headache is sudden and severe.",
      );
      expect(first("When should I see a doctor about a headache?", [headache])).toBe("See a doctor at once if a headache is sudden and severe.");
      const zh = passage("headache-zh", "感冒头痛多休息、多喝水，头痛一般几天就好，看医生前可以先吃止痛药。突发剧烈头痛要立即就医。");
      expect(first("头痛什么时候要去看医生？", [zh])).toBe("突发剧烈头痛要立即就医。");
    });

    it("a cause for why, and a definition for what is", () => {
      const breath = passage("breath-1", "Bad breath and a coated tongue are common in the morning. Bad breath is often caused by gum disease or a dry mouth.");
      expect(first("Why do I have bad breath?", [breath])).toBe("Bad breath is often caused by gum disease or a dry mouth.");
      const zh = passage("breath-zh", "早上口臭、舌苔厚很常见，口臭的人要多刷牙。口臭多由牙周病或胃炎引起。");
      expect(first("为什么会口臭？", [zh])).toBe("口臭多由牙周病或胃炎引起。");
      const gerd = passage("gerd-zh", "胃食管反流病的人饭后不要马上躺下，胃食管反流病要少吃甜食。胃食管反流病是指胃内容物反流入食管引起的不适。");
      expect(first("什么是胃食管反流病？", [gerd])).toBe("胃食管反流病是指胃内容物反流入食管引起的不适。");
    });

    it("prefers the section whose heading announces the answer over a neighbouring section ranked first", () => {
      const risk = passage("risk", "Heart failure is more common in people over 65 and in people with heart failure in the family.", { headingPath: ["Heart failure", "Risk factors"], score: 1 });
      const causes = passage("causes", "Damage to the heart muscle after a heart attack can lead to heart failure.", { headingPath: ["Heart failure", "Causes"], score: 0.95 });
      expect(first("What causes heart failure?", [risk, causes])).toBe("Damage to the heart muscle after a heart attack can lead to heart failure.");
    });

    it("does not quote a question or the doctor's restatement of the patient's case as the answer", () => {
      const reply = passage("reflux-zh", "青年男性，反复胃痛反酸烧心，考虑胃食管反流。胃痛反酸烧心可以吃奥美拉唑，饭后不要平躺。");
      expect(first("胃痛反酸烧心吃什么药？", [reply])).toBe("胃痛反酸烧心可以吃奥美拉唑，饭后不要平躺。");
      const en = passage("reflux-en", "Do you have heartburn and acid reflux after meals? Antacids ease heartburn and acid reflux after meals.");
      expect(first("What helps heartburn and acid reflux after meals?", [en])).toBe("Antacids ease heartburn and acid reflux after meals.");
    });
  });

  it("quotes a tip from a list when the question asks what helps", () => {
    const pressure = passage(
      "pressure-1",
      "High blood pressure often has no symptoms, and blood pressure rises with age.\n\n- Eat less salt: salt raises blood pressure.\n- Walk most days to lower blood pressure.",
    );
    expect(selectAnswerSentences({ question: "What helps lower blood pressure?", passages: [pressure], maxSentences: 1 }).map((s) => s.text)).toEqual(["Walk most days to lower blood pressure."]);
  });

  it("quotes one sentence, not three, when the best match is weak (here: a low-ranked passage)", () => {
    const causes = passage(
      "palpitations-1",
      "Palpitations during exercise are often caused by too much coffee, tea or energy drinks. Palpitations during exercise can also come from stress, fever or a lack of sleep. Palpitations during exercise may be caused by anemia or an overactive thyroid gland.",
    );
    const unrelated = ["Influenza spreads through droplets.", "Wash your hands often.", "Our clinic is open on weekdays.", "Bring your medicines to the visit."].map((text, i) => passage(`other-${i}`, text));
    const question = "Why do I get palpitations during exercise?";
    expect(selectAnswerSentences({ question, passages: [causes, ...unrelated] })).toHaveLength(3);
    expect(selectAnswerSentences({ question, passages: [...unrelated, causes] })).toHaveLength(1);
  });
});

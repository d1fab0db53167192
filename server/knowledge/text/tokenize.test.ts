import { describe, expect, it } from "vitest";
import { hanTokens, keywordTokens, queryTokens, segmentText } from "./tokenize";

const TSQUERY_SAFE = /^[a-z0-9\u3400-\u4dbf\u4e00-\u9fff]+$/;

describe("keywordTokens: English", () => {
  it("lowercases, stems, and drops stopwords and filler", () => {
    expect(keywordTokens("What are the Treatments for kidney stones?")).toEqual(["treatment", "kidnei", "stone"]);
    expect(keywordTokens("Can you tell me how doctors treat it?")).toEqual(["treat"]);
  });

  it("keeps numbers and alphanumerics, splits decimals, strips accents and possessives", () => {
    expect(keywordTokens("HbA1c of 6.5 in 2021")).toEqual(["hba1c", "6", "5", "2021"]);
    expect(keywordTokens("Ménière's disease")).toEqual(["menier", "diseas"]);
    expect(keywordTokens("β-blockers")).toEqual(["beta", "blocker"]);
  });
});

describe("keywordTokens: Chinese", () => {
  // Since segmentation (tokenizer v2): dictionary words instead of every bigram, so no 性咽 noise.
  it("turns Han runs into dictionary words, a long word with the words inside it", () => {
    expect(keywordTokens("慢性咽炎")).toEqual(["慢性", "咽炎", "慢性咽炎"]);
    expect(keywordTokens("幽门螺杆菌")).toEqual(["幽门", "螺杆", "杆菌", "螺杆菌", "幽门螺杆菌"]);
  });

  it("keeps a medical user-dictionary word whole", () => {
    // jieba's own dictionary has no 慢阻肺: without the user dictionary it would be 慢 / 阻 / 肺.
    expect(keywordTokens("慢阻肺")).toEqual(["慢阻肺", "肺"]);
  });

  it("falls back to bigrams for characters no dictionary word covers", () => {
    // 肠化 (intestinal metaplasia) is in no dictionary: its characters still pair into a token.
    expect(keywordTokens("肠化")).toEqual(["肠化"]);
    expect(hanTokens("萎缩性胃炎伴肠化")).toEqual(expect.arrayContaining(["萎缩性胃炎", "胃炎", "肠化"]));
  });

  it("cuts runs at particles and function words instead of bridging them", () => {
    // 的 and 了 are cut out: no 胃的 / 的痛 / 痛了 noise bigrams.
    expect(hanTokens("胃的痛了")).toEqual(["胃", "痛"]);
    expect(keywordTokens("请问我的膝盖疼怎么办？")).toEqual(["膝盖", "膝盖疼", "膝", "疼"]);
  });

  it("adds one-character words inside a run as tokens of their own, so 盐 meets 减少吃盐 and 食盐", () => {
    const question = queryTokens("每天吃多少盐合适？");
    expect(question).toContain("盐");
    expect(keywordTokens("减少吃盐：每天不超过5克")).toContain("盐");
    expect(keywordTokens("低盐饮食，少喝酒，按时吃药")).toEqual(expect.arrayContaining(["盐", "酒", "药"]));
    // Characters that are no word by themselves stay inside their bigrams only.
    expect(keywordTokens("合适")).toEqual(["合适"]);
  });

  it("keeps a single-character run only when it carries meaning", () => {
    expect(keywordTokens("肝")).toEqual(["肝"]);
    expect(keywordTokens("不")).toEqual([]);
  });

  it("handles mixed Chinese and English", () => {
    expect(keywordTokens("做了CT检查，结果正常")).toEqual(["ct", "检查", "结果", "正常"]);
  });

  it("folds full-width letters and digits", () => {
    expect(keywordTokens("ＣＴ３号")).toEqual(["ct3", "号"]);
  });
});

describe("tsquery safety", () => {
  it("emits only [a-z0-9] and Han characters, whatever the input", () => {
    const nasty = `a:b 'quoted' "x" & | ! ( ) <-> * \\ ; -- 你好：世界！ O'Neil's e-mail@example.com 😀 ①②`;
    const tokens = keywordTokens(nasty);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(token).toMatch(TSQUERY_SAFE);
  });

  it("drops absurdly long runs", () => {
    expect(keywordTokens("x".repeat(60))).toEqual([]);
  });
});

describe("queryTokens", () => {
  it("dedupes in first-seen order", () => {
    expect(queryTokens("asthma asthma attack asthmatic")).toEqual(["asthma", "attack", "asthmat"]);
  });
});

describe("segmentText", () => {
  it("marks stopwords instead of dropping them", () => {
    expect(segmentText("the heart")).toEqual([
      { kind: "latin", word: "the", stem: "the", stop: true },
      { kind: "latin", word: "heart", stem: "heart", stop: false },
    ]);
  });
});

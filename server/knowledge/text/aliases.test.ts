import { describe, expect, it } from "vitest";
import { extractAliases } from "./aliases";

describe("extractAliases", () => {
  it("pairs an English long form with the abbreviation after it, one word per letter first", () => {
    expect(extractAliases("Chronic obstructive pulmonary disease (COPD) makes it hard to breathe.")).toEqual([{ term: "Chronic obstructive pulmonary disease", alias: "COPD" }]);
    expect(extractAliases("He had an acute myocardial infarction (MI) last year.")).toEqual([{ term: "myocardial infarction", alias: "MI" }]);
    expect(extractAliases("High C-reactive protein (CRP) levels")).toEqual([{ term: "C-reactive protein", alias: "CRP" }]);
  });

  it("pairs an abbreviation with the long form in parentheses after it", () => {
    expect(extractAliases("COPD (chronic obstructive pulmonary disease) is common.")).toEqual([{ term: "chronic obstructive pulmonary disease", alias: "COPD" }]);
  });

  it("pairs Chinese terms with their short forms, abbreviations and English names", () => {
    expect(extractAliases("患者被诊断为慢性阻塞性肺疾病（慢阻肺），需要长期治疗。")).toEqual([{ term: "慢性阻塞性肺疾病", alias: "慢阻肺" }]);
    expect(extractAliases("急性心肌梗死（心梗）需要立即就医。")).toEqual([{ term: "心肌梗死", alias: "心梗" }]);
    expect(extractAliases("慢阻肺（COPD）患者应戒烟。")).toEqual([{ term: "慢阻肺", alias: "COPD" }]);
    expect(extractAliases("长期服用质子泵抑制剂（PPI）的人")).toEqual([{ term: "质子泵抑制剂", alias: "PPI" }]);
    expect(extractAliases("幽门螺杆菌（Helicobacter pylori）感染很常见。")).toEqual([{ term: "幽门螺杆菌", alias: "Helicobacter pylori" }]);
  });

  it("takes names introduced by also called / 俗称", () => {
    expect(extractAliases("Restless legs syndrome, also called Willis-Ekbom disease, causes an urge to move.")).toEqual([
      { term: "Restless legs syndrome", alias: "Willis-Ekbom disease" },
    ]);
    expect(extractAliases("胃食管反流病，俗称烧心，很常见。")).toEqual([{ term: "胃食管反流病", alias: "烧心" }]);
  });

  it("skips parentheses that hold no name, and pairs whose letters do not fit", () => {
    expect(extractAliases("Keep it below 130/80 (mmHg). Results (2019), (p < 0.05), (see Table 2).")).toEqual([]);
    expect(extractAliases("血压控制在140/90（mmHg）以下，吃了奥美拉唑（每天一次）后好转。")).toEqual([]);
    expect(extractAliases("The heart pumps blood (ABC) every second.")).toEqual([]);
    // A single vague word is no name: "infection, also called ..." is left out.
    expect(extractAliases("The infection, also called fifth disease, is mild.")).toEqual([]);
  });

  it("lists each pair once", () => {
    expect(extractAliases("Atrial fibrillation (AF) is common. Atrial fibrillation (AF) raises stroke risk.")).toHaveLength(1);
  });
});

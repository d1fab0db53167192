/**
 * Synonym groups for concept matching: the medical ones come from the reviewed lay <-> clinical lexicon
 * (lexicon.ts, data in lexicon/*.json). The offline embedder adds one shared feature per concept found
 * in a text, and the keyword index a concept token, so a patient's "heart attack" meets a doctor's
 * "myocardial infarction" (and "心梗"). The first phrase is the concept's id; keep ids stable, since
 * renaming one changes stored vectors and index tokens.
 *
 * English phrases match on word stems with stopwords ignored ("shortness of breath" matches
 * "short of breath"); Chinese phrases match as substrings.
 */
import { conceptPhrases, LEXICON } from "./lexicon";

export const MEDICAL_GROUPS: readonly (readonly string[])[] = LEXICON.map(conceptPhrases);

/**
 * What a question asks about (treatment, causes, ...) and general modifiers, rather than what it is
 * about. Kept apart so the embedder can weigh them below the medical concepts: "how is asthma treated"
 * is about asthma first and treatment second.
 */
export const GENERAL_GROUPS: readonly (readonly string[])[] = [
  ["inflammation", "inflamed", "炎症", "发炎"],
  ["infection", "infected", "感染"],
  ["alcohol", "alcoholic drinks", "饮酒", "喝酒"],
  ["physical activity", "exercise", "运动", "锻炼"],
  ["genetic", "inherited", "hereditary", "runs in families", "遗传"],
  ["chronic", "long-term", "慢性"],
  ["acute", "sudden onset", "急性"],
  ["surgery", "operation", "手术"],
  ["medication", "medicine", "drug", "药物", "用药"],
  ["treatment", "treat", "treated", "therapy", "cure", "manage", "治疗", "医治", "治好", "调理", "调养"],
  ["diagnosis", "diagnose", "diagnosed", "tests", "test for", "exam", "诊断", "检查", "确诊", "查出"],
  ["symptoms", "signs", "symptom", "症状", "表现"],
  ["causes", "cause", "caused by", "原因", "引起", "导致", "病因"],
  ["risk factors", "at risk", "risk", "风险", "危险因素", "易患"],
  ["prevention", "prevent", "avoid", "protect", "reduce the risk", "预防", "避免"],
  ["prognosis", "outlook", "life expectancy", "预后"],
  ["diet", "eating", "food", "饮食", "膳食"],
];

import type { CaseCard, CaseFact } from "@/db/schema/case-card";

/**
 * What a question is about, for the offline simulated patient: a bilingual lexicon per case-card
 * topic. English entries match at a word start ("smok" matches "smoke", "smoking"); Chinese ones
 * anywhere. Card keywords are more specific and weigh more (see matchQuestion).
 */
export const TOPIC_LEXICON: Record<CaseFact["topic"], readonly string[]> = {
  presenting_illness: [
    "tell me more", "tell me about", "describe", "what happened", "what brings", "what is the problem", "what's the problem", "where is", "where does",
    "what does it feel", "what kind of", "说说", "讲讲", "具体", "描述", "怎么回事", "哪里不舒服", "什么感觉", "哪个部位", "在哪里", "在哪儿", "什么样",
  ],
  onset: [
    "when did", "when was", "how long", "since when", "start", "began", "begin", "first notice", "onset", "sudden",
    "什么时候", "多久", "多长时间", "几天", "开始", "起病", "突然", "最早",
  ],
  severity: [
    "how bad", "how severe", "severe", "scale", "out of 10", "out of ten", "how much pain", "worse", "worst", "intensity", "getting better",
    "严重", "多痛", "程度", "几分", "厉害", "加重", "好转",
  ],
  associated_symptoms: [
    "other symptom", "any other", "anything else bother", "also have", "along with", "together with", "sweat", "nause", "vomit", "short of breath",
    "breath", "dizz", "faint", "spread", "radiat", "move anywhere", "arm", "jaw",
    "其他症状", "别的症状", "伴随", "还有别的不舒服", "出汗", "恶心", "呕吐", "气短", "喘", "头晕", "晕", "放射", "传到", "胳膊", "手臂", "下巴",
  ],
  past_history: [
    "medical history", "past history", "history of", "previous", "before", "ever had", "conditions", "illness", "disease", "surgery", "operation",
    "hospital", "diagnosed", "high blood pressure", "diabetes", "既往", "以前", "病史", "得过", "手术", "住院", "诊断", "高血压", "糖尿病", "慢性病",
  ],
  medications: [
    "medication", "medicine", "drug", "pill", "tablet", "taking anything", "take any", "prescri", "treatment", "chemo", "painkiller", "supplement",
    "药", "服用", "吃什么", "治疗", "化疗", "止痛", "保健品",
  ],
  allergies: ["allerg", "reaction to", "过敏", "不良反应"],
  family_history: [
    "family", "parent", "mother", "father", "mom", "dad", "sibling", "brother", "sister", "runs in", "relative", "inherit",
    "家族", "家里人", "家人", "父母", "父亲", "母亲", "爸爸", "妈妈", "兄弟", "姐妹", "遗传", "亲属",
  ],
  social_history: [
    "smok", "cigarette", "tobacco", "alcohol", "drink", "work", "job", "occupation", "live with", "living", "alone", "support", "exercise", "diet",
    "吸烟", "抽烟", "烟", "喝酒", "饮酒", "酒", "工作", "职业", "一个人", "独居", "和谁住", "住在", "家里", "运动", "饮食", "照顾",
  ],
  review_of_systems: [
    "fever", "weight", "appetite", "sleep", "cough", "bowel", "urin", "stool", "mood", "feeling down", "tired", "fatigue", "hopeless", "harm yourself",
    "hurt yourself", "end your life", "suicid", "safe",
    "发烧", "发热", "体重", "食欲", "胃口", "睡眠", "睡得", "咳嗽", "大便", "小便", "情绪", "心情", "乏力", "累", "绝望", "伤害自己", "轻生", "自杀", "想不开", "安全",
  ],
  other: [],
};

/** Asking for an exam or a test result ("ordering" it). */
export const RESULTS_LEXICON = [
  "exam", "test", "result", "ecg", "ekg", "x-ray", "xray", "scan", "blood pressure reading", "pulse", "lab", "check your", "measure",
  "检查", "化验", "结果", "心电图", "血压", "心率", "脉搏", "拍片", "ct", "验血", "测一下", "量一下",
];

export const GREETING_LEXICON = ["hello", "hi", "hey", "good morning", "good evening", "good afternoon", "你好", "您好", "早上好", "晚上好", "下午好"];

/** "Is there anything else?" — the patient may add nothing it was not asked about. */
export const ANYTHING_ELSE_LEXICON = [
  "anything else", "something else", "any other concern", "any other question", "is that all", "还有别的", "还有什么", "还有其他", "别的问题", "其他问题", "就这些吗",
];

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether a lexicon entry or card keyword occurs in the (lower-cased) question. */
export function mentions(question: string, keyword: string): boolean {
  const k = keyword.normalize("NFKC").toLowerCase().trim();
  if (!k) return false;
  if (HAN.test(k)) return question.includes(k);
  return new RegExp(`(^|[^a-z0-9])${escapeRegExp(k)}`, "u").test(question);
}

export const mentionsAny = (question: string, list: readonly string[]) => list.some((k) => mentions(question, k));

export function normalizeQuestion(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** One thing the patient can say: a fact or a result, with the key reported in `revealed`. */
export interface Revealable {
  key: string;
  answer: string;
  score: number;
}

/** Facts keyed "fact:<index>", results "result:<index>" (indexes into the card's arrays). */
const MAX_REVEALED = 3;

/**
 * The card items a question asks for, best first: a card keyword counts 2, the topic's lexicon 1.
 * Broad questions ("any other symptoms?") get every fact of that topic, up to MAX_REVEALED.
 */
export function matchQuestion(card: CaseCard, question: string): Revealable[] {
  const q = normalizeQuestion(question);
  const found: Revealable[] = [];
  card.facts.forEach((fact, i) => {
    const hits = fact.keywords.filter((k) => mentions(q, k)).length;
    // What is asked ("how many days", "几天") weighs as much as one named keyword, so naming the complaint
    // ("…the chest pain") does not drown the question's own topic.
    const topic = mentionsAny(q, TOPIC_LEXICON[fact.topic]) ? 2 : 0;
    const score = hits * 2 + topic;
    if (score > 0) found.push({ key: `fact:${i}`, answer: fact.answer, score });
  });
  const ordering = mentionsAny(q, RESULTS_LEXICON);
  card.results.forEach((r, i) => {
    const hits = [r.name, ...r.keywords].filter((k) => mentions(q, k)).length;
    const score = hits * 2 + (ordering && hits > 0 ? 1 : 0);
    if (score > 0) found.push({ key: `result:${i}`, answer: `${r.name}: ${r.result}`, score });
  });
  // A question that names a specific keyword is not also answered with every fact of a broad topic.
  const best = Math.max(0, ...found.map((f) => f.score));
  const floor = best >= 2 ? 2 : 1;
  return found
    .filter((f) => f.score >= floor)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_REVEALED);
}

/**
 * A generated bilingual medical-ish corpus for the ingestion and scale benchmarks: Markdown documents
 * with headings, paragraphs and lists in English and Chinese, and stand-alone passages of chunk size.
 * Deterministic (seeded), varied (topics from the synonym list, doses, durations, numbers), so the
 * keyword index and the vectors see realistic vocabularies and document frequencies, not copies.
 */
import { seededRandom } from "@/server/lib/random";
import { MEDICAL_GROUPS } from "@/server/knowledge/text/synonyms";

/** A printed page: ~2,400 characters of English (about 400 words) or ~1,100 Chinese characters. */
export const PAGE_CHARS = { en: 2400, zh: 1100 } as const;

export type Lang = "en" | "zh";


type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const isHanPhrase = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);

/** Topics: each synonym group's English and Chinese names. */
const TOPICS = MEDICAL_GROUPS.map((g) => ({
  en: g.filter((p) => !isHanPhrase(p)),
  zh: g.filter(isHanPhrase),
})).filter((t) => t.en.length > 0 && t.zh.length > 0);

const EN = {
  drugs: ["metformin", "amlodipine", "lisinopril", "atorvastatin", "omeprazole", "ibuprofen", "paracetamol", "aspirin", "warfarin", "apixaban", "salbutamol", "budesonide", "levothyroxine", "sertraline", "prednisolone", "amoxicillin", "furosemide", "bisoprolol", "insulin glargine", "allopurinol", "colchicine", "ferrous sulfate", "vitamin D", "folic acid", "losartan", "clopidogrel", "montelukast", "gabapentin"],
  people: ["adults", "older adults", "children", "pregnant women", "patients with kidney disease", "people with diabetes", "smokers", "athletes", "teenagers", "patients after surgery", "shift workers", "people over 65"],
  actions: ["monitor", "reduce", "avoid", "increase", "check", "record", "discuss", "review", "limit", "continue", "stop", "adjust"],
  objects: ["blood pressure", "fluid intake", "salt intake", "alcohol", "physical activity", "body weight", "blood glucose", "sleep", "caffeine", "screen time", "protein intake", "heart rate", "medication doses", "symptoms", "wound care", "stress"],
  times: ["every morning", "twice a day", "after meals", "before bedtime", "once a week", "for two weeks", "for at least three months", "during flares", "each evening", "on an empty stomach"],
  signs: ["fever", "swelling", "rash", "dizziness", "fatigue", "nausea", "night sweats", "weight loss", "blurred vision", "numbness", "joint stiffness", "loss of appetite", "confusion", "dark urine"],
  tests: ["a full blood count", "kidney function tests", "an ECG", "a chest X-ray", "an ultrasound scan", "HbA1c", "a lipid panel", "thyroid function tests", "a urine test", "an MRI scan", "liver enzymes", "a stool test"],
  headings: ["Overview", "Symptoms", "Causes and risk factors", "Diagnosis", "Treatment", "Medication", "Lifestyle advice", "Diet", "Exercise", "When to see a doctor", "Follow-up", "Complications", "Prevention", "Living with the condition", "Questions patients ask", "Pregnancy", "Children", "Older adults"],
  kinds: ["Patient guide", "Clinic handout", "Practice notes", "Guideline summary", "Frequently asked questions", "Care pathway"],
};

const ZH = {
  drugs: ["二甲双胍", "氨氯地平", "赖诺普利", "阿托伐他汀", "奥美拉唑", "布洛芬", "对乙酰氨基酚", "阿司匹林", "华法林", "阿哌沙班", "沙丁胺醇", "布地奈德", "左甲状腺素", "舍曲林", "泼尼松龙", "阿莫西林", "呋塞米", "比索洛尔", "甘精胰岛素", "别嘌醇", "秋水仙碱", "硫酸亚铁", "维生素D", "叶酸", "氯沙坦", "氯吡格雷"],
  people: ["成年人", "老年人", "儿童", "孕妇", "肾病患者", "糖尿病患者", "吸烟者", "运动员", "青少年", "术后患者", "倒班工作者", "六十五岁以上人群"],
  actions: ["监测", "减少", "避免", "增加", "检查", "记录", "咨询", "复查", "限制", "坚持", "停用", "调整"],
  objects: ["血压", "饮水量", "盐的摄入", "饮酒", "体力活动", "体重", "血糖", "睡眠", "咖啡因", "屏幕时间", "蛋白质摄入", "心率", "药物剂量", "症状变化", "伤口护理", "精神压力"],
  times: ["每天早上", "每日两次", "饭后", "睡前", "每周一次", "连续两周", "至少三个月", "发作期间", "每天晚上", "空腹时"],
  signs: ["发热", "肿胀", "皮疹", "头晕", "乏力", "恶心", "盗汗", "体重下降", "视物模糊", "麻木", "关节僵硬", "食欲减退", "意识模糊", "尿色加深"],
  tests: ["血常规", "肾功能检查", "心电图", "胸片", "超声检查", "糖化血红蛋白", "血脂检查", "甲状腺功能", "尿常规", "磁共振", "肝功能", "大便常规"],
  headings: ["概述", "症状", "病因与危险因素", "诊断", "治疗", "用药", "生活方式建议", "饮食", "运动", "何时就医", "随访", "并发症", "预防", "与疾病共处", "患者常见问题", "妊娠期", "儿童", "老年人"],
  kinds: ["患者指南", "门诊宣教", "诊疗笔记", "指南摘要", "常见问题", "诊疗路径"],
};

function enSentence(r: Rand, topic: string): string {
  const d = () => pick(r, EN.drugs);
  const templates = [
    () => `${cap(pick(r, EN.people))} with ${topic} should ${pick(r, EN.actions)} their ${pick(r, EN.objects)} ${pick(r, EN.times)}.`,
    () => `The usual starting dose of ${d()} is ${int(r, 1, 50) * 5} mg ${pick(r, EN.times)}, adjusted after ${int(r, 2, 12)} weeks.`,
    () => `Seek care the same day if ${topic} comes with ${pick(r, EN.signs)} or ${pick(r, EN.signs)}.`,
    () => `About ${int(r, 5, 60)}% of ${pick(r, EN.people)} with ${topic} also report ${pick(r, EN.signs)}.`,
    () => `We usually order ${pick(r, EN.tests)} and ${pick(r, EN.tests)} before starting ${d()}.`,
    () => `${cap(d())} can interact with ${d()}; ${pick(r, EN.actions)} ${pick(r, EN.objects)} while taking both.`,
    () => `Most people with mild ${topic} improve within ${int(r, 2, 8)} weeks when they ${pick(r, EN.actions)} ${pick(r, EN.objects)}.`,
    () => `Do not ${pick(r, EN.actions)} ${d()} without talking to your doctor, especially ${pick(r, EN.times)}.`,
    () => `A target of ${int(r, 90, 140)}/${int(r, 60, 90)} mmHg or an HbA1c below ${int(r, 60, 75) / 10}% is reasonable for many ${pick(r, EN.people)}.`,
    () => `Keep a diary of ${pick(r, EN.signs)}, ${pick(r, EN.objects)} and ${pick(r, EN.objects)} and bring it to the follow-up visit in ${int(r, 1, 6)} months.`,
    () => `Side effects of ${d()} include ${pick(r, EN.signs)} and, rarely, ${pick(r, EN.signs)}.`,
    () => `Risk factors for ${topic} include ${pick(r, EN.objects)}, family history and age over ${int(r, 40, 70)}.`,
  ];
  return pick(r, templates)();
}

function zhSentence(r: Rand, topic: string): string {
  const d = () => pick(r, ZH.drugs);
  const templates = [
    () => `${pick(r, ZH.people)}如果患有${topic}，应当${pick(r, ZH.times)}${pick(r, ZH.actions)}${pick(r, ZH.objects)}。`,
    () => `${d()}的常用起始剂量是${int(r, 1, 50) * 5}毫克，${pick(r, ZH.times)}服用，${int(r, 2, 12)}周后根据情况调整。`,
    () => `${topic}如果伴有${pick(r, ZH.signs)}或${pick(r, ZH.signs)}，请当天就医。`,
    () => `大约${int(r, 5, 60)}%的${topic}${pick(r, ZH.people)}同时有${pick(r, ZH.signs)}的表现。`,
    () => `开始使用${d()}之前，通常需要做${pick(r, ZH.tests)}和${pick(r, ZH.tests)}。`,
    () => `${d()}可能与${d()}相互作用，同时服用时要${pick(r, ZH.actions)}${pick(r, ZH.objects)}。`,
    () => `大多数轻度${topic}患者在${pick(r, ZH.actions)}${pick(r, ZH.objects)}后${int(r, 2, 8)}周内会好转。`,
    () => `没有医生的建议，不要自行${pick(r, ZH.actions)}${d()}，尤其是${pick(r, ZH.times)}。`,
    () => `对许多${pick(r, ZH.people)}来说，血压控制在${int(r, 90, 140)}/${int(r, 60, 90)}毫米汞柱以下是合理的目标。`,
    () => `请记录${pick(r, ZH.signs)}、${pick(r, ZH.objects)}和${pick(r, ZH.objects)}的情况，${int(r, 1, 6)}个月后复诊时带来。`,
    () => `${d()}的副作用包括${pick(r, ZH.signs)}，少数人会出现${pick(r, ZH.signs)}。`,
    () => `${topic}的危险因素包括${pick(r, ZH.objects)}、家族史以及年龄超过${int(r, 40, 70)}岁。`,
  ];
  return pick(r, templates)();
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function paragraph(r: Rand, lang: Lang, topic: string, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i += 1) out.push(lang === "en" ? enSentence(r, topic) : zhSentence(r, topic));
  return out.join(lang === "en" ? " " : "");
}

function list(r: Rand, lang: Lang, topic: string): string {
  const n = int(r, 3, 5);
  return Array.from({ length: n }, () => `- ${lang === "en" ? enSentence(r, topic) : zhSentence(r, topic)}`).join("\n");
}

export interface GeneratedDocument {
  filename: string;
  title: string;
  lang: Lang;
  pages: number;
  text: string;
}

/** One Markdown document of `pages` pages; each page is a "##" section of paragraphs and lists. */
export function generateDocument(seed: number, pages: number, lang: Lang): GeneratedDocument {
  const r = seededRandom(seed);
  const topicEntry = pick(r, TOPICS);
  const topic = pick(r, topicEntry[lang]);
  const vocab = lang === "en" ? EN : ZH;
  const title = lang === "en" ? `${pick(r, vocab.kinds)}: ${cap(topic)}` : `${topic}${pick(r, vocab.kinds)}`;
  const parts = [`# ${title}`];
  for (let p = 0; p < pages; p += 1) {
    parts.push(`## ${pick(r, vocab.headings)}`);
    let size = 0;
    while (size < PAGE_CHARS[lang]) {
      if (r() < 0.2) parts.push(`### ${pick(r, vocab.headings)}`);
      const block = r() < 0.25 ? list(r, lang, topic) : paragraph(r, lang, topic, int(r, 3, 6));
      parts.push(block);
      size += block.length;
    }
  }
  const ext = seed % 5 === 0 ? "txt" : "md";
  return { filename: `generated-${lang}-${seed}.${ext}`, title, lang, pages, text: `${parts.join("\n\n")}\n` };
}

/** Documents of 3..12 pages, alternating languages (about 60% English), until `pages` pages. */
export function generateCorpus(seed: number, pages: number): GeneratedDocument[] {
  const r = seededRandom(seed);
  const docs: GeneratedDocument[] = [];
  let total = 0;
  for (let i = 0; total < pages; i += 1) {
    const n = Math.min(int(r, 3, 12), pages - total);
    docs.push(generateDocument(seed * 100_003 + i, n, r() < 0.6 ? "en" : "zh"));
    total += n;
  }
  return docs;
}

export interface GeneratedPassage {
  lang: Lang;
  headingPath: string[];
  content: string;
}

/** A stand-alone passage of chunk size (about 600 characters English, 250 Chinese) with its heading path. */
export function generatePassage(r: Rand, lang: Lang): GeneratedPassage {
  const topicEntry = pick(r, TOPICS);
  const topic = pick(r, topicEntry[lang]);
  const vocab = lang === "en" ? EN : ZH;
  const title = lang === "en" ? `${pick(r, vocab.kinds)}: ${cap(topic)}` : `${topic}${pick(r, vocab.kinds)}`;
  const budget = lang === "en" ? 600 : 250;
  let content = "";
  while (content.length < budget) content += (content ? (lang === "en" ? " " : "") : "") + (lang === "en" ? enSentence(r, topic) : zhSentence(r, topic));
  return { lang, headingPath: [title, pick(r, vocab.headings)], content };
}

/** Patient-style questions over the same vocabulary, half English, half Chinese. */
export function generateQueries(seed: number, n: number): string[] {
  const r = seededRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = pick(r, TOPICS);
    if (i % 2 === 0) {
      const topic = pick(r, t.en);
      out.push(
        pick(r, [
          `What is the usual dose of ${pick(r, EN.drugs)} for ${topic}?`,
          `Should I ${pick(r, EN.actions)} my ${pick(r, EN.objects)} if I have ${topic}?`,
          `When should I see a doctor about ${topic} and ${pick(r, EN.signs)}?`,
          `Which tests do you need before treating ${topic}?`,
          `Side effects of ${pick(r, EN.drugs)}`,
          `${topic} in ${pick(r, EN.people)}`,
        ]),
      );
    } else {
      const topic = pick(r, t.zh);
      out.push(
        pick(r, [
          `${topic}吃${pick(r, ZH.drugs)}一次吃多少？`,
          `得了${topic}需要${pick(r, ZH.actions)}${pick(r, ZH.objects)}吗？`,
          `${topic}伴有${pick(r, ZH.signs)}要不要去医院？`,
          `治疗${topic}之前要做哪些检查？`,
          `${pick(r, ZH.drugs)}有什么副作用`,
          `${pick(r, ZH.people)}的${topic}怎么办`,
        ]),
      );
    }
  }
  return out;
}

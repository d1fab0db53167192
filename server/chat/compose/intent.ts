/**
 * What a patient's question asks for (a number, a cause, a treatment, whether to see a doctor...), in
 * Chinese and English, and whether a sentence, or the section it sits under, has the form of that kind
 * of answer. The offline composer (offline.ts) uses it so that "What blood pressure counts as high?"
 * is answered with the sentence that gives the threshold, not with a tip that shares its words.
 */

export type Intent =
  | "number"
  | "definition"
  | "cause"
  | "risk"
  | "symptom"
  | "diagnosis"
  | "treatment"
  | "prevention"
  | "see_doctor"
  | "advice";

interface IntentRule {
  /** The question asks for this. */
  question: RegExp;
  /** A sentence that answers it has this form or these words. */
  answer: RegExp;
  /**
   * A section heading that announces it ("Treatment", "When to get help"). Under another intent's
   * heading a sentence answers a neighbouring question ("Risk factors" under "What causes...?").
   */
  heading: RegExp;
}

const HAN_NUMBER = "[0-9一二两三四五六七八九十百千万半]";

/** Each kind of question with its answer's form. English patterns match lowercased text. */
const RULES: Readonly<Record<Intent, IntentRule>> = {
  number: {
    question:
      /\bhow (?:much|many|long|often|high|low|far|soon)\b|\bwhat (?:level|number|reading|dose|dosage|amount|range|temperature)\b|\b(?:counts? as|considered|normal (?:level|range|value|reading)s?)\b|多少|几[次天周个年克片颗杯小分岁]|多[高低久长大重]|正常值|标准是|范围|算[是高低]|才算|以上算|指标/,
    answer: new RegExp(
      `\\d|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|hundred|half|dozen)\\b|${HAN_NUMBER}\\s*(?:克|毫克|次|天|日|周|个月|月|年|小时|分钟|岁|杯|片|粒|升|毫升|斤|公斤|度|毫米汞柱|%)`,
    ),
    heading: /\b(?:numbers?|levels?|ranges?|targets?|dos(?:e|age))\b|数值|标准|范围|剂量/,
  },
  definition: {
    question:
      /^(?:so |and )?what(?:'s| is| are)(?! the (?:best|cause|treatment|symptoms?|signs?|risk|chances?|difference)| (?:good|bad|safe|normal|causing|the \w+ for))\b|\bwhat does .* mean\b|\b(?:explain|tell me about|describe)\b|\bwhat kind of (?:disease|condition|illness)\b|是什么|什么是|什么病|是啥|指什么|什么意思|啥意思|是怎样的病/,
    answer:
      /\b(?:is|are) (?:a|an|the|one of|when|what|caused by|a (?:type|kind|form) of)\b|\b(?:refers? to|means|is called|also called|also known as)\b|是一种|是指|指的是|即|属于|又称|又叫|也叫|是一类|称为/,
    heading: /\b(?:overview|what is|what are|about|definition|introduction)\b|概述|简介|定义|什么是|是什么/,
  },
  cause: {
    question: /\b(?:cause[sd]?|causing|why|reasons?|triggers?|due to|lead(?:s)? to|comes? from)\b|原因|为什么|为啥|怎么回事|咋回事|怎么引起|什么引起|引起的|导致|诱因|怎么得的|怎么会/,
    answer: /\b(?:caus\w*|because|due to|result\w*|lead(?:s)? to|led to|triggers?|triggered|comes? from|occurs? (?:if|when)|happens? (?:if|when))\b|引起|导致|致使|引发|引致|引来|由于|因为|原因|所致|造成|诱发|有关/,
    heading: /\bcauses?\b|原因|病因/,
  },
  risk: {
    question: /\b(?:who (?:is|are|gets?|has|tends?|can get|develops?)|at risk|risk factors?|more likely|chances? of|susceptible|prone)\b|哪些人|什么人|什么样的人|谁容易|容易得|易患|高危|风险|会不会遗传|遗传吗/,
    answer: /\b(?:risk|likely|people (?:who|with)|groups?|older|younger|age[ds]?|more common|family history|inherit\w*|women|men|children)\b|风险|容易|高危|人群|易患|多见|多发|遗传|年龄|老年|儿童/,
    heading: /\brisk(?: factors)?\b|\bwho is at risk\b|危险因素|高危人群|易患人群/,
  },
  symptom: {
    question: /\b(?:symptoms?|signs?|feel|feels|feeling|notice|look like|know if|tell if|how do i know|what happens)\b|症状|表现|感觉|什么样|迹象|会怎样|有什么反应|会不会[疼痛]/,
    answer: /\b(?:symptoms?|signs?|feel\w*|pain\w*|ache\w*|notice\w*|may have|include|shortness|tired\w*|swell\w*|cough\w*|fever)\b|症状|表现|出现|感觉|疼|痛|不适|胀|恶心|呕吐|发热|乏力/,
    heading: /\bsigns?(?: and symptoms)?\b|\bsymptoms?\b|症状|表现/,
  },
  diagnosis: {
    question: /\b(?:diagnos\w*|tests?|tested|check(?:ed)? for|detect\w*|find out|exam\w*|scan|screen\w*|confirm)\b|诊断|检查|查出|查得出|确诊|化验|检测|能查|筛查|做什么检查/,
    answer: /\b(?:diagnos\w*|tests?|exam\w*|scan|imaging|x-ray|ultrasound|biopsy|screen\w*|measure\w*|ecg|ekg|mri|ct)\b|检查|诊断|确诊|化验|检测|胃镜|肠镜|试验|活检|彩超|B超|CT|影像/,
    heading: /\bdiagnos\w*|\btests?\b|\bscreening\b|诊断|检查/,
  },
  treatment: {
    question: /\b(?:treat\w*|cure[sd]?|therap\w*|medicines?|medications?|drugs?|pills?|surgery|manage\w*|what (?:can|should) i take|get rid of|fix)\b|治疗|医治|治好|怎么治|咋治|如何治|治愈|吃什么药|吃啥药|吃哪种药|什么药|用什么药|用药|疗法|根治|怎么办|咋办/,
    answer: /\b(?:treat\w*|therap\w*|medicines?|medications?|drugs?|surgery|surgical|procedures?|prescri\w*|dos(?:e|es|age)|take|taking|antibiotics?|inhibitors?|blockers?|steroids?|transplant|cure)\b|治疗|救治|医治|药|服用|服食|口服|手术|疗法|毫克|调理|根治|治愈|注射|输液/,
    heading: /\btreat\w*|\bmedicines?\b|\bmedications?\b|\btherapy\b|\bmanag\w*|治疗|用药|药物/,
  },
  prevention: {
    question: /\b(?:prevent\w*|avoid\w*|lower (?:my|the) (?:risk|chances?)|reduce (?:my|the) (?:risk|chances?)|protect\w*|keep (?:it|\w+) from|stop (?:it|\w+) from)\b|预防|避免|防止|怎么防|如何防|不得|不再|复发/,
    answer: /\b(?:prevent\w*|avoid\w*|lower (?:your|the) risk|reduce (?:your|the) risk|protect\w*|lifestyle|healthy|quit|stop smoking|vaccin\w*)\b|预防|避免|防止|注意|保持|戒烟|戒酒|规律|清淡/,
    heading: /\bprevent\w*|\blifestyle\b|\bliving with\b|预防|生活方式/,
  },
  see_doctor: {
    question: /\b(?:see (?:a|my|the) doctor|call (?:a|my|the) doctor|go to (?:the )?(?:doctor|hospital|er|emergency)|seek (?:medical )?(?:help|care)|when to (?:see|call|get help)|(?:is|it) (?:this |it )?(?:serious|an emergency|dangerous|urgent)|worried|should i worry|need (?:a|to see a) doctor)\b|去医院|就医|就诊|看医生|看病|急诊|要紧吗|严重吗|危险吗|要不要紧|需要看|挂什么科/,
    answer: /\b(?:call|see your (?:doctor|health care provider)|seek|emergency|right away|at once|urgent\w*|immediately|911|hospital|contact your|get (?:medical )?help|as soon as)\b|就医|就诊|医院|急诊|及时|立即|马上|尽快|复诊|立刻|专科/,
    heading: /\bwhen to (?:get help|call|see)\b|\bemergenc\w*|\bwarning signs?\b|就医|急诊|何时/,
  },
  advice: {
    question:
      /^(?:can|could|may|should|must|do i need to|is it (?:ok|okay|safe|bad|good)|am i allowed)\b|\bhow (?:do|can|should|could) (?:i|we|you)\b|\bhow to\b|\bwhat (?:can|should) (?:i|we) (?:do|eat|drink|avoid)\b|\b(?:ways? to|tips?|advice)\b|能不能|能否|可不可以|可以.{0,8}吗|能.{0,8}吗|要不要|需不需要|是否|该不该|应不应该|怎么|怎样|如何|咋|方法|办法|注意什么|注意些什么|吃什么|饮食/,
    answer: /\b(?:should|shouldn't|can|cannot|can't|may|avoid|don't|do not|never|safe|recommend\w*|advis\w*|better|best|try|limit|keep|make sure|aim|eat|drink|take|stop|rest)\b|可以|不能|不要|建议|应该|应当|避免|不宜|宜|最好|注意|需要|尽量|多吃|少吃|忌|防止|留意/,
    heading: /\b(?:tips?|what you can do|self-care|living with|lifestyle|diet)\b|注意事项|饮食|日常|护理|调理/,
  },
};

const INTENTS = Object.keys(RULES) as Intent[];

/** The kinds of answer the question asks for, most specific first (a number before advice). */
export function questionIntents(question: string): Intent[] {
  const q = question.normalize("NFKC").toLowerCase().trim();
  return INTENTS.filter((intent) => RULES[intent].question.test(q));
}

const normalise = (text: string) => text.normalize("NFKC").toLowerCase();

/** Whether the sentence has the form of an answer to one of the intents. */
export function answersIntent(sentence: string, intents: readonly Intent[]): boolean {
  const s = normalise(sentence);
  return intents.some((intent) => RULES[intent].answer.test(s));
}

/** Whether a heading announces one of the intents. */
export function headingAnnounces(heading: string, intents: readonly Intent[]): boolean {
  const h = normalise(heading);
  return intents.some((intent) => RULES[intent].heading.test(h));
}

/** Whether the heading announces some intent, but none of these (a section about something else). */
export function headingAnnouncesOther(heading: string, intents: readonly Intent[]): boolean {
  const h = normalise(heading);
  const others = INTENTS.filter((intent) => !intents.includes(intent) && RULES[intent].heading.test(h));
  return others.length > 0 && !headingAnnounces(heading, intents);
}

/** A question ("有胃疼吗？", "Are you short of breath?"): asked back, or quoted from the patient, never an answer. */
const QUESTION_SENTENCE = /[?？][)）"”']*\s*$|(?:吗|呢)[。.]?\s*$/;
/**
 * The doctor restating the patient's case before answering ("青年男性，再次出现胸闷……", "根据你的描述",
 * "Thank you for your question"): it shares the question's words but says nothing new.
 */
const RESTATEMENT =
  /^(?:(?:你好|您好)[，,！!]?\s*)?(?:(?:青年|中年|老年|年轻)?(?:男性|女性|患者)[，,]|(?:根据|通过|从)(?:你|您)的?(?:描述|叙述|所述|情况|说的)|(?:你|您)(?:说的|所说的|的这种情况|这种情况|的情况|的问题))|^(?:thank(?:s| you) for (?:your|the) question|based on (?:your|what you) (?:describe|description|said)|(?:hi|hello)\b)/i;

/** Whether a sentence can be an answer at all: not a question, not a restatement of the patient's case. */
export function isAnswerForm(sentence: string): boolean {
  const s = sentence.normalize("NFKC").trim();
  return !QUESTION_SENTENCE.test(s) && !RESTATEMENT.test(s);
}

/** Fixed texts the engine wraps around grounded content, per patient language. */
export const CHAT_TEXT = {
  en: {
    offlineIntro: (name: string) => `From ${name}'s materials (quoted directly; no language model was used):`,
    offlineOutro: "This is general information from the doctor's materials, not a diagnosis. If you are worried, see a doctor.",
    noAnswer: (name: string) =>
      `I could not find anything about this in ${name}'s materials, so I will not guess. Please ask a doctor in person, or rephrase your question.`,
    modelFailed: "The language model did not answer, so here is what the doctor's materials say directly.",
    concernIntro: "Before anything else:",
  },
  "zh-CN": {
    offlineIntro: (name: string) => `以下内容直接摘自${name}的资料（未使用语言模型）：`,
    offlineOutro: "以上为医生资料中的一般信息，不构成诊断。如有担心，请及时就医。",
    noAnswer: (name: string) => `在${name}的资料中没有找到与此相关的内容，我不会凭空猜测。请当面咨询医生，或换一种说法再问。`,
    modelFailed: "语言模型暂时没有响应，以下是医生资料中的原文。",
    concernIntro: "首先想对你说：",
  },
} as const;

export type ChatLocale = keyof typeof CHAT_TEXT;

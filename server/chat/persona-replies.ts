/** Fixed texts of persona, policy, scope, clinic-room mode and graded advice, per patient language. */
import type { UrgencyLevel } from "@/db/schema/columns";
import type { ChatLocale } from "./replies";

export const URGENCY_TEXT: Record<ChatLocale, Record<UrgencyLevel, string>> = {
  en: {
    self_care: "Self-care: you can look after this at home for now.",
    days: "See a doctor within the next few days.",
    today: "See a doctor today.",
    emergency: "Emergency: get medical help now (call emergency services or go to the emergency department).",
  },
  "zh-CN": {
    self_care: "自我护理：目前可以在家自行观察和护理。",
    days: "请在几天内就诊。",
    today: "请今天就诊。",
    emergency: "紧急：请立即就医（拨打急救电话或前往急诊）。",
  },
};

export const PERSONA_TEXT = {
  en: {
    outOfScope: (name: string) => `This is outside what ${name}'s avatar can help with. Please ask a doctor who covers this topic.`,
    generalLabel: (name: string) => `General medical information, not from ${name}'s materials:`,
    protocolIntro: (title: string) => `Let me ask you a few questions about this (${title}), one at a time. You can say “I don't know” or “stop” at any point.`,
    options: (list: string) => `(You can answer: ${list})`,
    unit: (unit: string) => `(a number, in ${unit})`,
    retryNumber: "I did not catch a number there.",
    retryChoice: "I did not catch which one applies.",
    retryRange: (min: string, max: string) => `That number looks outside what I expect (${min}–${max}); could you check it?`,
    stopped: "All right, we can stop the questions here. You can ask me anything else.",
    summaryIntro: "Thank you. Here is what I heard:",
    unknownAnswer: "not sure",
    flagsIntro: "What concerns me in your answers:",
    advice: (name: string) => `${name}'s advice:`,
    urgency: "How urgent:",
    passages: "From the doctor's materials:",
    escalated: "One of your answers needs a person to look at it now.",
  },
  "zh-CN": {
    outOfScope: (name: string) => `这超出了${name}的AI分身能帮助的范围，请咨询负责这方面的医生。`,
    generalLabel: (name: string) => `以下为一般医学信息，并非来自${name}的资料：`,
    protocolIntro: (title: string) => `关于这个情况（${title}），我想逐一问你几个问题。随时可以回答“不知道”或“停止”。`,
    options: (list: string) => `（可以回答：${list}）`,
    unit: (unit: string) => `（请回答一个数字，单位：${unit}）`,
    retryNumber: "我没有看到数字。",
    retryChoice: "我没有看出是哪一种情况。",
    retryRange: (min: string, max: string) => `这个数字似乎超出了常见范围（${min}–${max}），能再确认一下吗？`,
    stopped: "好的，我们先不问了。你可以问我其他问题。",
    summaryIntro: "谢谢你。我听到的情况如下：",
    unknownAnswer: "不确定",
    flagsIntro: "你的回答中让我担心的是：",
    advice: (name: string) => `${name}的建议：`,
    urgency: "紧急程度：",
    passages: "医生资料中的相关内容：",
    escalated: "你的一个回答需要有人马上关注。",
  },
} as const;

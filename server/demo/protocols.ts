import type { TProtocolInput } from "@/server/protocols/protocol.schema";

const YES = { label: "Yes 是", aliases: ["yes", "是", "有", "是的", "会"] };
const NO = { label: "No 否", aliases: ["no", "否", "没有", "不是", "不会"] };

/** The demo avatar's clinic-room protocol: chest pain, asked in either language, grounded in the chest-pain leaflet. */
export const DEMO_CHEST_PAIN_PROTOCOL: TProtocolInput = {
  title: "胸痛问诊 Chest pain",
  chiefComplaint: "胸痛 chest pain",
  // Heart pain often comes dressed as indigestion: a cardiologist asks the chest-pain questions then too.
  triggersZh: ["胸痛", "胸口疼", "胸口痛", "胸闷", "消化不良"],
  triggersEn: ["chest pain", "chest hurts", "chest tightness", "chest pressure", "indigestion"],
  questions: [
    {
      id: "days",
      text: "胸痛有几天了？How many days have you had the chest pain?",
      kind: "number",
      unit: "天 days",
      unitAliases: ["天", "day", "days"],
      min: 0,
      max: 3650,
    },
    {
      id: "spread",
      text: "疼痛会放射到左臂、下颌或后背吗？Does the pain spread to your left arm, jaw or back?",
      kind: "choice",
      options: [YES, NO],
      redFlags: [
        {
          match: { type: "choice", option: YES.label },
          action: "escalate",
          urgency: "emergency",
          message: "疼痛放射到左臂、下颌或后背可能是心脏急症。Pain spreading to the arm, jaw or back can be a heart emergency.",
        },
      ],
    },
    {
      id: "press",
      text: "按压胸口或深呼吸时疼痛会加重吗？Does it get worse when you press on your chest or breathe in?",
      kind: "choice",
      options: [YES, NO],
    },
    {
      id: "activity",
      text: "疼痛开始时你在做什么？What were you doing when it started?",
      kind: "text",
      redFlags: [
        {
          match: { type: "phrases", phrases: ["爬楼", "运动", "跑步", "stairs", "exercise", "running"] },
          action: "urge_care",
          urgency: "today",
          message: "活动时出现的胸痛需要今天就诊。Chest pain that comes on with exertion should be seen today.",
        },
      ],
    },
  ],
  closingAdvice:
    "如果疼痛随按压或呼吸变化、没有危险信号，请在几天内到门诊就诊；若变成压榨样、持续超过五分钟或伴出冷汗，立即拨打120。If the pain changes with pressing or breathing and there are no warning signs, book a clinic visit within a few days; if it becomes crushing, lasts more than five minutes or comes with sweating, call 120 at once.",
  closingUrgency: "days",
};

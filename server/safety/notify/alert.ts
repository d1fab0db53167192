import type { EscalationEvidence } from "@/db/schema/safety";

/** What every crisis alert says, whichever destination renders it. */
export interface CrisisAlert {
  /** Stable across retries: a receiver's idempotency key (Standard Webhooks' webhook-id). */
  deliveryId: string;
  escalationId: string;
  createdAt: Date;
  organization: { id: string; name: string };
  avatar: { id: string; name: string; slug: string };
  category: string;
  level: string;
  conversationId: string | null;
  /** The patient's words and the matched phrases: null and [] unless the organization lets alerts carry them. */
  patientText: string | null;
  evidence: Pick<EscalationEvidence, "rule" | "category" | "level">[] | EscalationEvidence[];
  /** The crisis inbox, when the site's address is known (PUBLIC_URL). */
  inboxUrl: string | null;
  /** A test alert sent from the settings page: no patient is waiting. */
  test: boolean;
}

/** The escalation as the outbox reads it: the alert's facts, with the patient's words and the organization's choice about them. */
export interface AlertSource extends Omit<CrisisAlert, "patientText" | "evidence" | "inboxUrl" | "test"> {
  message: string | null;
  evidence: EscalationEvidence[];
  /** The organization's choice (organizations.alert_patient_text). */
  includePatientText: boolean;
}

/** The crisis inbox's address on this site, or null when the site's public address is not configured. */
export function inboxUrlOf(publicUrl: string | undefined): string | null {
  return publicUrl ? new URL("/studio/inbox", publicUrl).toString() : null;
}

/** Builds the alert; the patient's words (message and matched phrases) stay out unless the organization turned them on. */
export function crisisAlertOf(source: AlertSource, inboxUrl: string | null, test = false): CrisisAlert {
  const { message, evidence, includePatientText, ...rest } = source;
  return {
    ...rest,
    patientText: includePatientText ? message : null,
    evidence: includePatientText ? evidence : evidence.map(({ rule, category, level }) => ({ rule, category, level })),
    inboxUrl,
    test,
  };
}

const CATEGORY: Record<string, { en: string; zh: string }> = {
  suicide: { en: "Suicide or self-harm", zh: "自杀或自伤" },
  medical: { en: "Medical emergency", zh: "医疗急症" },
  violence: { en: "Violence", zh: "暴力" },
};
const LEVEL: Record<string, { en: string; zh: string }> = {
  imminent: { en: "Imminent", zh: "紧急" },
  high: { en: "High", zh: "高" },
  concern: { en: "Concern", zh: "关注" },
};

export type AlertLanguage = "en" | "zh";

/** The lines of an alert in one language, for the platforms' text and markdown formats. */
export function alertFacts(alert: CrisisAlert, language: AlertLanguage, now: Date) {
  const minutes = Math.max(0, Math.floor((now.getTime() - alert.createdAt.getTime()) / 60_000));
  const zh = language === "zh";
  return {
    title: alert.test
      ? zh
        ? `【测试】分身危机通知 — ${alert.organization.name}`
        : `[Test] Fenshen crisis alert — ${alert.organization.name}`
      : zh
        ? `危机上报：患者需要人工介入 — ${alert.avatar.name}`
        : `Crisis escalation: a patient needs a human now — ${alert.avatar.name}`,
    fields: [
      [zh ? "类别" : "Category", CATEGORY[alert.category]?.[language] ?? alert.category],
      [zh ? "级别" : "Level", LEVEL[alert.level]?.[language] ?? alert.level],
      [zh ? "分身" : "Avatar", alert.avatar.name],
      [zh ? "已等待" : "Waiting", zh ? `${minutes} 分钟` : `${minutes} min`],
    ] as [string, string][],
    patientText: alert.patientText ? ([zh ? "患者原话" : "Patient's message", alert.patientText] as const) : null,
    link: alert.inboxUrl ? ([zh ? "打开危机收件箱" : "Open the crisis inbox", alert.inboxUrl] as const) : null,
    /** Said when there is no link to follow. */
    noLink: zh ? "请在分身的危机收件箱中确认。" : "Acknowledge it in the Fenshen crisis inbox.",
    note: alert.test ? (zh ? "这是管理员从设置页发出的测试通知，没有患者在等待。" : "An admin sent this test from the settings page; no patient is waiting.") : null,
  };
}

/** One markdown message (WeCom, DingTalk and Slack's mrkdwn differ only in bold and links). */
export function alertMarkdown(
  alert: CrisisAlert,
  language: AlertLanguage,
  now: Date,
  style: { bold: (s: string) => string; link: (text: string, url: string) => string; escape?: (s: string) => string },
): string {
  const f = alertFacts(alert, language, now);
  // Names and the patient's words are data: they must not turn into the platform's markup or links.
  const esc = style.escape ?? ((s: string) => s);
  return [
    style.bold(esc(f.title)),
    ...f.fields.map(([k, v]) => `${k}: ${style.bold(esc(v))}`),
    ...(f.patientText ? [`${f.patientText[0]}: ${esc(f.patientText[1])}`] : []),
    f.link ? style.link(f.link[0], f.link[1]) : f.noLink,
    ...(f.note ? [f.note] : []),
  ].join("\n");
}

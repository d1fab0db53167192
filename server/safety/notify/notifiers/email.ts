import { type AlertLanguage, alertFacts, type CrisisAlert } from "../alert";
import { DeliveryError, type Mail, type MailDestination, type Notifier } from "./notifier";

/** No SMTP server is configured (SMTP_URL): the outbox keeps the e-mail waiting, visibly, until one is. */
export class MailNotConfigured extends Error {
  constructor() {
    super("SMTP is not configured (set SMTP_URL).");
    this.name = "MailNotConfigured";
  }
}

function section(alert: CrisisAlert, language: AlertLanguage, now: Date): string {
  const f = alertFacts(alert, language, now);
  return [
    f.title,
    f.fields.map(([k, v]) => `${k}: ${v}`).join("\n"),
    ...(f.patientText ? [`${f.patientText[0]}: ${f.patientText[1]}`] : []),
    f.link ? `${f.link[0]}: ${f.link[1]}` : f.noLink,
    ...(f.note ? [f.note] : []),
  ].join("\n\n");
}

/**
 * The crisis e-mail: the alert's facts in English, then in Chinese (an organization has no one
 * language); the patient's words only when the organization allows (the alert already left them out).
 */
export function alertMail(alert: CrisisAlert, to: string, now: Date): Mail {
  return {
    to,
    subject: `[Fenshen] ${alert.test ? "Test: " : ""}${alert.level} ${alert.category} escalation — ${alert.avatar.name}`,
    text: [section(alert, "en", now), section(alert, "zh", now), `Escalation id: ${alert.escalationId}`].join("\n\n———\n\n"),
  };
}

/** What nodemailer's errors carry when the server answered: its reply code and line. */
interface SmtpReply {
  responseCode?: unknown;
  response?: unknown;
}

/**
 * E-mail through the configured SMTP server. A reply refusing the message (4xx or 5xx) is the server's
 * answer, with its code; no answer at all is a network error. Both are retried by the outbox.
 */
export const email: Notifier<MailDestination> = {
  kind: "email",
  name: "The mail server",
  async send(alert, destination, via, now) {
    if (!via.sendMail) throw new MailNotConfigured();
    try {
      await via.sendMail(alertMail(alert, destination.to, now));
    } catch (e) {
      const { responseCode, response } = (e ?? {}) as SmtpReply;
      if (typeof responseCode !== "number") throw e;
      const reply = typeof response === "string" ? response.replace(/\s+/g, " ").trim().slice(0, 200) : "";
      throw new DeliveryError(`The mail server refused the alert: ${reply || responseCode}.`, { httpStatus: null, platformCode: String(responseCode), platformMessage: reply || null });
    }
  },
};

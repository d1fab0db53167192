import { alertFacts, alertMarkdown } from "../alert";
import { DeliveryError, failIfNotOk, jsonRequest, overHttp } from "./notifier";

/** Slack's mrkdwn control characters (its documented escaping). */
const escapeSlack = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Slack incoming webhook: POST https://hooks.slack.com/services/… with text (the notification's
 * fallback) and Block Kit blocks. Success is HTTP 200 with the body "ok"; errors name themselves
 * ("invalid_payload", "no_service", …).
 */
export const slack = overHttp({
  kind: "slack",
  name: "Slack",
  hosts: /^hooks\.slack\.com$/,
  example: "https://hooks.slack.com/services/…",
  request(alert, destination, now) {
    const f = alertFacts(alert, "en", now);
    const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
    return jsonRequest(destination.url, {
      text: alertMarkdown(alert, "en", now, { bold: (s) => `*${s}*`, link: (t, u) => `<${u}|${t}>`, escape: escapeSlack }),
      blocks: [
        { type: "header", text: { type: "plain_text", text: f.title.slice(0, 150) } },
        { type: "section", fields: f.fields.map(([k, v]) => mrkdwn(`*${k}*\n${escapeSlack(v)}`)) },
        ...(f.patientText ? [{ type: "section", text: mrkdwn(`*${f.patientText[0]}*\n${escapeSlack(f.patientText[1])}`) }] : []),
        f.link
          ? { type: "actions", elements: [{ type: "button", style: "danger", text: { type: "plain_text", text: f.link[0] }, url: f.link[1] }] }
          : { type: "section", text: mrkdwn(f.noLink) },
        ...(f.note ? [{ type: "context", elements: [mrkdwn(f.note)] }] : []),
      ],
    });
  },
  check(answer) {
    failIfNotOk("Slack", answer);
    const body = answer.body.trim();
    if (body !== "ok") throw new DeliveryError(`Slack refused the alert: ${body.slice(0, 200) || "(empty answer)"}.`, { httpStatus: answer.status, platformCode: body.slice(0, 100) || null });
  },
});

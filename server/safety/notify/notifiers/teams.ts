import { alertFacts } from "../alert";
import { DeliveryError, failIfNotOk, jsonRequest, overHttp, plainMarkdown } from "./notifier";

/**
 * Microsoft Teams: a Workflows webhook (Power Automate, *.logic.azure.com or *.api.powerplatform.com)
 * or a legacy incoming webhook (*.webhook.office.com), both taking a message with one Adaptive Card.
 * Success is any 2xx (Workflows answers 202); a legacy webhook may wrap an error in a 200.
 */
export const teams = overHttp({
  kind: "teams",
  name: "Microsoft Teams",
  hosts: /^([a-z0-9-]+\.)+(logic\.azure\.com|api\.powerplatform\.com|webhook\.office\.com)$/,
  example: "https://….logic.azure.com/workflows/…",
  request(alert, destination, now) {
    const f = alertFacts(alert, "en", now);
    // TextBlocks render a subset of markdown: names and patient words must not become links.
    const text = (t: string, extra: Record<string, unknown> = {}) => ({ type: "TextBlock", text: t, wrap: true, ...extra });
    return jsonRequest(destination.url, {
      type: "message",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          contentUrl: null,
          content: {
            $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
            type: "AdaptiveCard",
            version: "1.4",
            body: [
              text(plainMarkdown(f.title), { size: "Medium", weight: "Bolder", color: alert.test ? "Accent" : "Attention" }),
              { type: "FactSet", facts: f.fields.map(([title, value]) => ({ title, value: plainMarkdown(value) })) },
              ...(f.patientText ? [text(f.patientText[0], { weight: "Bolder" }), text(plainMarkdown(f.patientText[1]))] : []),
              ...(f.link ? [] : [text(f.noLink)]),
              ...(f.note ? [text(f.note, { isSubtle: true })] : []),
            ],
            ...(f.link ? { actions: [{ type: "Action.OpenUrl", title: f.link[0], url: f.link[1] }] } : {}),
          },
        },
      ],
    });
  },
  check(answer) {
    failIfNotOk("Microsoft Teams", answer);
    const wrapped = /returned HTTP error (\d{3})/i.exec(answer.body);
    if (wrapped) throw new DeliveryError(`Microsoft Teams refused the alert: ${answer.body.slice(0, 200)}.`, { httpStatus: answer.status, platformCode: wrapped[1]! });
  },
});

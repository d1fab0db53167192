import { createHmac } from "node:crypto";
import { alertFacts } from "../alert";
import { checkErrcode, DeliveryError, failIfNotOk, jsonRequest, overHttp } from "./notifier";

/** Feishu's signature: base64 HMAC-SHA256 of an empty message, keyed with "<timestamp in s>\n<secret>". */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

/**
 * Feishu / Lark (飞书) custom bot with signature verification: POST https://open.feishu.cn/open-apis/bot/v2/hook/…
 * (open.larksuite.com for Lark) with timestamp and sign in the body and an interactive card. Success is {"code":0}
 * (older bots answer {"StatusCode":0}).
 */
export const feishu = overHttp({
  kind: "feishu",
  name: "Feishu",
  hosts: /^open\.(feishu\.cn|larksuite\.com)$/,
  example: "https://open.feishu.cn/open-apis/bot/v2/hook/…",
  request(alert, destination, now) {
    const timestamp = Math.floor(now.getTime() / 1000);
    const f = alertFacts(alert, "zh", now);
    // Card text is set as plain_text, so names and patient words never become markup or links.
    const plain = (content: string) => ({ tag: "div", text: { tag: "plain_text", content } });
    return jsonRequest(destination.url, {
      timestamp: String(timestamp),
      sign: feishuSign(destination.secret ?? "", timestamp),
      msg_type: "interactive",
      card: {
        header: { template: alert.test ? "blue" : "red", title: { tag: "plain_text", content: f.title } },
        elements: [
          ...f.fields.map(([k, v]) => plain(`${k}：${v}`)),
          ...(f.patientText ? [plain(`${f.patientText[0]}：${f.patientText[1]}`)] : []),
          f.link
            ? { tag: "action", actions: [{ tag: "button", type: "primary", text: { tag: "plain_text", content: f.link[0] }, url: f.link[1] }] }
            : plain(f.noLink),
          ...(f.note ? [plain(f.note)] : []),
        ],
      },
    });
  },
  check(answer) {
    failIfNotOk("Feishu", answer);
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(answer.body) as Record<string, unknown>;
    } catch {
      throw new DeliveryError(`Feishu answered ${answer.status} without its JSON result.`, { httpStatus: answer.status });
    }
    if ("code" in parsed) checkErrcode("Feishu", answer, "code", "msg");
    else checkErrcode("Feishu", answer, "StatusCode", "StatusMessage");
  },
});

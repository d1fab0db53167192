import { createHmac } from "node:crypto";
import { alertFacts, alertMarkdown } from "../alert";
import { checkErrcode, jsonRequest, overHttp, plainMarkdown } from "./notifier";

/** DingTalk's signature: base64 HMAC-SHA256, keyed with the secret, of "<timestamp in ms>\n<secret>". */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

/**
 * DingTalk (钉钉) custom robot with signing ("加签"): POST https://oapi.dingtalk.com/robot/send?access_token=…
 * with &timestamp=<ms>&sign=<url-encoded signature> added, and a markdown message. Success is errcode 0.
 */
export const dingtalk = overHttp({
  kind: "dingtalk",
  name: "DingTalk",
  hosts: /^oapi\.dingtalk\.com$/,
  example: "https://oapi.dingtalk.com/robot/send?access_token=…",
  request(alert, destination, now) {
    const url = new URL(destination.url);
    const timestamp = now.getTime();
    // URLSearchParams percent-encodes the base64's + / = as DingTalk requires.
    url.searchParams.set("timestamp", String(timestamp));
    url.searchParams.set("sign", dingtalkSign(destination.secret ?? "", timestamp));
    const text = alertMarkdown(alert, "zh", now, { bold: (s) => `**${s}**`, link: (t, u) => `[${t}](${u})`, escape: plainMarkdown }).replace(/\n/g, "\n\n");
    return jsonRequest(url.toString(), { msgtype: "markdown", markdown: { title: alertFacts(alert, "zh", now).title, text } });
  },
  check: (answer) => checkErrcode("DingTalk", answer, "errcode", "errmsg"),
});

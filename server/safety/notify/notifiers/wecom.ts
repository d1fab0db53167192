import { alertMarkdown } from "../alert";
import { checkErrcode, jsonRequest, overHttp, plainMarkdown } from "./notifier";

/**
 * WeCom (企业微信) group robot: POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… with a
 * markdown message; the key in the URL is the credential. Success is {"errcode":0,"errmsg":"ok"}.
 */
export const wecom = overHttp({
  kind: "wecom",
  name: "WeCom",
  hosts: /^qyapi\.weixin\.qq\.com$/,
  example: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…",
  request(alert, destination, now) {
    const content = alertMarkdown(alert, "zh", now, { bold: (s) => `**${s}**`, link: (text, url) => `[${text}](${url})`, escape: plainMarkdown });
    return jsonRequest(destination.url, { msgtype: "markdown", markdown: { content } });
  },
  check: (answer) => checkErrcode("WeCom", answer, "errcode", "errmsg"),
});

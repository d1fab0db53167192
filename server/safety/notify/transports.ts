import nodemailer from "nodemailer";
import { getConfig } from "@/server/env";
import { getOutboundPolicy, type OutboundPolicy, postOutbound } from "@/server/lib/outbound";
import { inboxUrlOf } from "./alert";
import type { NotifyTransports } from "./deliver";

let transports: NotifyTransports | undefined;

/** Webhooks through the outbound guard under a policy (the process's, or a test's). */
export const webhookPoster =
  (policy: OutboundPolicy): NotifyTransports["postWebhook"] =>
  (url, request) =>
    postOutbound(url, request, policy);

/** Guarded HTTP for webhooks and robots, SMTP_URL's server for e-mail when it is configured, and PUBLIC_URL's inbox for links. */
export function getNotifyTransports(): NotifyTransports {
  if (transports) return transports;
  const { SMTP_URL, SMTP_FROM, PUBLIC_URL } = getConfig();
  // Bounded like a webhook: a delivery round waits for its slowest delivery (nodemailer's defaults are minutes).
  const mailer = SMTP_URL ? nodemailer.createTransport({ url: SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) : null;
  transports = {
    postWebhook: webhookPoster(getOutboundPolicy()),
    outboundPolicy: getOutboundPolicy(),
    inboxUrl: inboxUrlOf(PUBLIC_URL),
    sendMail: mailer ? async (mail) => void (await mailer.sendMail({ from: SMTP_FROM, ...mail })) : null,
  };
  return transports;
}

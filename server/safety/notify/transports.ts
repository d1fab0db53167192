import nodemailer from "nodemailer";
import { getConfig } from "@/server/env";
import type { NotifyTransports } from "./deliver";

let transports: NotifyTransports | undefined;

/** Real HTTP for webhooks, and SMTP_URL's server for e-mail when it is configured. */
export function getNotifyTransports(): NotifyTransports {
  if (transports) return transports;
  const { SMTP_URL, SMTP_FROM } = getConfig();
  const mailer = SMTP_URL ? nodemailer.createTransport(SMTP_URL) : null;
  transports = {
    fetch,
    sendMail: mailer ? async (mail) => void (await mailer.sendMail({ from: SMTP_FROM, ...mail })) : null,
  };
  return transports;
}

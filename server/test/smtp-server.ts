import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on a free loopback port that keeps every message it receives (raw, headers and
 * body). `state.refuse` makes it refuse each recipient with that reply (e.g. 451, try again later);
 * `sendMail` sends to it through nodemailer, as the process's transport does to SMTP_URL's server.
 */
export async function startSmtpServer() {
  const received: string[] = [];
  const state = { refuse: null as { code: number; message: string } | null };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(_address, _session, done) {
      done(state.refuse ? Object.assign(new Error(state.refuse.message), { responseCode: state.refuse.code }) : null);
    },
    onData(stream, _session, done) {
      let data = "";
      stream.on("data", (c: Buffer) => (data += c.toString()));
      stream.on("end", () => {
        received.push(data);
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  const { port } = smtp.server.address() as AddressInfo;
  const mailer = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    state,
    sendMail: async (mail: { to: string; subject: string; text: string }) => void (await mailer.sendMail({ from: "fenshen@test", ...mail })),
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  };
}

/** A received (single-part) message's body as the reader sees it, decoded from base64 or quoted-printable. */
export function mailText(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const [headers, body] = [raw.slice(0, split), raw.slice(split).trim()];
  if (/^content-transfer-encoding:\s*base64/im.test(headers)) return Buffer.from(body, "base64").toString("utf8");
  if (!/^content-transfer-encoding:\s*quoted-printable/im.test(headers)) return body;
  const joined = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === "=" ? joined.slice(i + 1, i + 3) : "";
    if (/^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8");
}

import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getNotifyTransports } from "./transports";

describe("the process's notification transports", () => {
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, done) {
      let data = "";
      stream.on("data", (c: Buffer) => (data += c.toString()));
      stream.on("end", () => {
        received.push(data);
        done();
      });
    },
  });

  beforeAll(async () => {
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`);
  });
  afterAll(() => new Promise<void>((r) => smtp.close(() => r())));

  it("sends e-mail through SMTP_URL's server", async () => {
    await getNotifyTransports().sendMail!({ to: "oncall@hospital.test", subject: "test", text: "escalation e1" });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/To: oncall@hospital\.test/);
  });
});

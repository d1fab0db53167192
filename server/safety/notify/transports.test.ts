import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSmtpServer } from "@/server/test/smtp-server";
import { getNotifyTransports } from "./transports";

describe("the process's notification transports", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("PUBLIC_URL", "https://fenshen.hospital.example");
  });
  afterAll(() => smtp.close());

  it("sends e-mail through SMTP_URL's server", async () => {
    await getNotifyTransports().sendMail!({ to: "oncall@hospital.test", subject: "test", text: "escalation e1" });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatch(/To: oncall@hospital\.test/);
  });

  it("links alerts to PUBLIC_URL's crisis inbox", () => {
    expect(getNotifyTransports().inboxUrl).toBe("https://fenshen.hospital.example/studio/inbox");
  });
});

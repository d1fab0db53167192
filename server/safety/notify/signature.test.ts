import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "./signature";

describe("webhook signatures", () => {
  const body = JSON.stringify({ id: "e1", category: "suicide" });

  it("verifies with the shared secret and refuses another secret or a changed body", () => {
    const header = signWebhook("s3cret", body);
    expect(verifyWebhook("s3cret", body, header)).toBe(true);
    expect(verifyWebhook("other", body, header)).toBe(false);
    expect(verifyWebhook("s3cret", body.replace("suicide", "medical"), header)).toBe(false);
  });

  it("refuses a replay outside the tolerance window", () => {
    const header = signWebhook("s3cret", body, 1_000);
    expect(verifyWebhook("s3cret", body, header, 300, 1_000_000 * 1000)).toBe(false);
    expect(verifyWebhook("s3cret", body, header, 300, 1_100 * 1000)).toBe(true);
  });
});

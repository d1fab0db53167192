import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { isStandardWebhookSecret, signStandardWebhook, signWebhook, verifyWebhook } from "./signature";

describe("webhook signatures (deprecated X-Fenshen-Signature)", () => {
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

describe("Standard Webhooks signatures", () => {
  const body = JSON.stringify({ id: "e1", category: "suicide" });
  const now = Math.floor(Date.now() / 1000);
  const headers = (secret: string, signedBody = body) => ({
    "webhook-id": "msg_1",
    "webhook-timestamp": String(now),
    "webhook-signature": signStandardWebhook(secret, "msg_1", now, signedBody),
  });

  it("verify with the reference library and a whsec_ secret, and fail for another secret or body", () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    expect(new Webhook(secret).verify(body, headers(secret))).toEqual(JSON.parse(body));
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 8).toString("base64")}`).verify(body, headers(secret))).toThrow();
    expect(() => new Webhook(secret).verify(body, headers(secret, "{}"))).toThrow();
  });

  it("sign with an older plain-text secret as whsec_ + base64 of its text, as the README tells receivers", () => {
    const old = "an older secret of 16+ chars";
    expect(new Webhook(`whsec_${Buffer.from(old).toString("base64")}`).verify(body, headers(old))).toEqual(JSON.parse(body));
  });

  it("accept only whsec_ secrets of 24 to 64 bytes", () => {
    expect(isStandardWebhookSecret(`whsec_${Buffer.alloc(32).toString("base64")}`)).toBe(true);
    expect(isStandardWebhookSecret(`whsec_${Buffer.alloc(16).toString("base64")}`)).toBe(false);
    expect(isStandardWebhookSecret(`whsec_${Buffer.alloc(65).toString("base64")}`)).toBe(false);
    expect(isStandardWebhookSecret("whsec_not base64!")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { CRISIS_LIMITS } from "@/server/orgs/crisis-settings.limits";
import { isStandardWebhookSecret } from "@/server/safety/notify/signature";
import { generateWebhookSecret } from "./generate-secret";

describe("generateWebhookSecret", () => {
  it("is a Standard Webhooks secret (whsec_ and base64 of 32 bytes), within the schema's limits", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(isStandardWebhookSecret(secret)).toBe(true);
    expect(secret.length).toBeGreaterThanOrEqual(CRISIS_LIMITS.webhookSecretMin);
    expect(secret.length).toBeLessThanOrEqual(CRISIS_LIMITS.webhookSecretMax);
  });

  it("never repeats", () => {
    expect(new Set(Array.from({ length: 1000 }, generateWebhookSecret)).size).toBe(1000);
  });
});

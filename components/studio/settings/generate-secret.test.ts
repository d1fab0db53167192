import { describe, expect, it } from "vitest";
import { CRISIS_LIMITS } from "@/server/orgs/crisis-settings.limits";
import { generateWebhookSecret } from "./generate-secret";

describe("generateWebhookSecret", () => {
  it("is 43 URL-safe characters, within the schema's limits", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secret.length).toBeGreaterThanOrEqual(CRISIS_LIMITS.webhookSecretMin);
    expect(secret.length).toBeLessThanOrEqual(CRISIS_LIMITS.webhookSecretMax);
  });

  it("never repeats", () => {
    expect(new Set(Array.from({ length: 1000 }, generateWebhookSecret)).size).toBe(1000);
  });
});

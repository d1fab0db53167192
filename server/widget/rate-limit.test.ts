import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows a burst up to the limit, then refills at limit/60 per second", () => {
    const limiter = new RateLimiter();
    const t0 = 1_000_000;
    for (let i = 0; i < 6; i++) expect(limiter.take("k", 6, t0)).toBe(0);
    expect(limiter.take("k", 6, t0)).toBe(10);
    expect(limiter.take("k", 6, t0 + 5_000)).toBeGreaterThan(0);
    expect(limiter.take("k", 6, t0 + 10_000)).toBe(0);
    expect(limiter.take("other", 6, t0)).toBe(0);
  });
});

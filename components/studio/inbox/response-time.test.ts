import { describe, expect, it } from "vitest";
import { isOverTarget, waitedMs } from "./response-time";

const created = new Date("2025-01-01T08:00:00Z");
const at = (minutes: number) => created.getTime() + minutes * 60_000;
const open = { status: "open" as const, createdAt: created, acknowledgedAt: null, resolvedAt: null, responseTargetMinutes: 15 };

describe("response time", () => {
  it("counts while open and freezes once acknowledged", () => {
    expect(waitedMs(open, at(7))).toBe(7 * 60_000);
    expect(waitedMs({ ...open, status: "acknowledged", acknowledgedAt: new Date(at(3)) }, at(60))).toBe(3 * 60_000);
  });

  it("flags against the organization's own target", () => {
    expect(isOverTarget(open, at(16))).toBe(true);
    expect(isOverTarget({ ...open, responseTargetMinutes: 30 }, at(16))).toBe(false);
    expect(isOverTarget({ ...open, responseTargetMinutes: 1 }, at(2))).toBe(true);
  });

  it("keeps a late acknowledgement flagged, but not once resolved", () => {
    const lateAck = { ...open, status: "acknowledged" as const, acknowledgedAt: new Date(at(20)) };
    expect(isOverTarget(lateAck, at(90))).toBe(true);
    expect(isOverTarget({ ...lateAck, status: "resolved", resolvedAt: new Date(at(30)) }, at(90))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { parseProcStat, treeTicks } from "./process-cpu";

describe("parseProcStat", () => {
  it("reads pid, parent and user plus system ticks, past a command name with spaces and parentheses", () => {
    const line = "4077 (next-server (v1) x) S 4070 4077 4070 0 -1 4194560 91 0 0 0 1234 567 0 0 20 0 11 0 1 2 3";
    expect(parseProcStat(line)).toEqual({ pid: 4077, ppid: 4070, ticks: 1234 + 567 });
  });

  it("names what it was given when the line is not a stat line", () => {
    expect(() => parseProcStat("hello")).toThrow(/not a \/proc\/<pid>\/stat line: "hello"/);
  });
});

describe("treeTicks", () => {
  it("adds the roots and all their descendants, nothing else", () => {
    const stats = [
      { pid: 10, ppid: 1, ticks: 5 },
      { pid: 11, ppid: 10, ticks: 7 },
      { pid: 12, ppid: 11, ticks: 11 },
      { pid: 20, ppid: 1, ticks: 100 },
      { pid: 30, ppid: 1, ticks: 1000 },
    ];
    expect(treeTicks([10, 30], stats)).toBe(5 + 7 + 11 + 1000);
    expect(treeTicks([99], stats)).toBe(0);
  });
});

/**
 * CPU time of process trees from Linux's /proc: what a turn costs the server, measured as CPU spent
 * rather than wall time, so other processes on a shared machine do not inflate it as they inflate a
 * profile's samples (a process waiting for a core still gets sampled).
 */
import { readdirSync, readFileSync } from "node:fs";

export interface ProcStat {
  pid: number;
  ppid: number;
  /** User plus system time, in clock ticks. */
  ticks: number;
}

/** One /proc/<pid>/stat line; the command name sits in parentheses and may itself hold spaces and ")". */
export function parseProcStat(line: string): ProcStat {
  const close = line.lastIndexOf(")");
  if (close < 0) throw new Error(`not a /proc/<pid>/stat line: "${line.slice(0, 80)}"`);
  const pid = Number(line.slice(0, line.indexOf(" ")));
  // After the name: state(0) ppid(1) … utime(11) stime(12).
  const fields = line.slice(close + 2).split(" ");
  return { pid, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

/** Ticks of the given processes and all their descendants. */
export function treeTicks(roots: number[], stats: ProcStat[]): number {
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const byPid = new Map(stats.map((s) => [s.pid, s]));
  let ticks = 0;
  const pending = roots.flatMap((pid) => byPid.get(pid) ?? []);
  for (let s = pending.pop(); s; s = pending.pop()) {
    ticks += s.ticks;
    pending.push(...(children.get(s.pid) ?? []));
  }
  return ticks;
}

/** Every process's stat now; empty where there is no /proc (not Linux). */
function allStats(): ProcStat[] {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return pids.flatMap((pid) => {
    try {
      return [parseProcStat(readFileSync(`/proc/${pid}/stat`, "utf8"))];
    } catch {
      return []; // it exited meanwhile
    }
  });
}

/** CPU milliseconds the process trees under `roots` have used so far, or null without /proc. */
export function cpuMsOf(roots: number[]): number | null {
  const stats = allStats();
  if (stats.length === 0) return null;
  // Linux reports stat times in USER_HZ, which is 100 on every architecture Node runs on.
  return treeTicks(roots, stats) * 10;
}

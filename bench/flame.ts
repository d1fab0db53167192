/**
 * Reads a V8 CPU profile (node --cpu-prof, e.g. bench:chat --cpu-prof DIR) and prints where the time
 * went: the top functions by self time and the share of each package; with --svg, writes a flame graph
 * (callers below, callees above; width is total time; hover a frame for its figures). No dependency.
 *
 *   npm run bench:flame -- <file.cpuprofile> [--top 20] [--svg out.svg] [--last S]
 *
 * --last S keeps the last S seconds only: bench:chat prints how long it drove patients, so the server's
 * start-up (migrations, the demo seed's ingestion) stays out of a turn's profile.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: our code, a package, Node itself, or V8's bookkeeping. */
export function packageOf(url: string, name: string): string {
  if (name === "(idle)" || name === "(program)" || name === "(garbage collector)") return name;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("wasm://")) return "PGlite (wasm)";
  if (url.startsWith("node:") || (!url.includes("/") && url !== "")) return "node";
  if (url.includes("/.next/")) return "app (.next bundle)";
  if (url === "") return "(native)";
  return "app";
}

export interface FrameTime {
  frame: string;
  package: string;
  selfMs: number;
}

/** The profile's last `seconds` of samples. */
export function lastSeconds(profile: Profile, seconds: number): Profile {
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
  const from = total - seconds * 1e6;
  const keep: number[] = [];
  let at = 0;
  profile.timeDeltas.forEach((d, i) => {
    at += d;
    if (at >= from) keep.push(i);
  });
  return { ...profile, samples: keep.map((i) => profile.samples[i]!), timeDeltas: keep.map((i) => profile.timeDeltas[i]!) };
}

/** Self time per node, from the samples and the time since the previous sample. */
function selfTimes(profile: Profile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  return self;
}

const label = (n: ProfileNode) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^.*\/\.next\//, ".next/")}:${n.callFrame.lineNumber + 1}`;

/** Self time per function (summed over the places it was called from), largest first; idle time left out. */
export function topSelf(profile: Profile): { total: number; frames: FrameTime[]; packages: [string, number][] } {
  const self = selfTimes(profile);
  const byFrame = new Map<string, FrameTime>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    if (ms === 0 || pkg === "(idle)") continue;
    total += ms;
    const key = label(node);
    const entry = byFrame.get(key) ?? { frame: key, package: pkg, selfMs: 0 };
    entry.selfMs += ms;
    byFrame.set(key, entry);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
  }
  return {
    total,
    frames: [...byFrame.values()].sort((a, b) => b.selfMs - a.selfMs),
    packages: [...byPackage].sort((a, b) => b[1] - a[1]),
  };
}

const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);

/** A flame graph of the profile (idle time left out) as SVG. */
export function flameSvg(profile: Profile, title: string): string {
  const self = selfTimes(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<number, number>();
  const totalOf = (id: number): number => {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === "(idle)") return 0;
    const t = (self.get(id) ?? 0) + (node.children ?? []).reduce((sum, c) => sum + totalOf(c), 0);
    totals.set(id, t);
    return t;
  };
  const root = profile.nodes[0]!;
  const all = totalOf(root.id);
  const width = 1600;
  const row = 16;
  const rects: string[] = [];
  let depthMax = 0;
  const colour = (pkg: string) => {
    if (pkg === "app" || pkg === "app (.next bundle)") return "#e8743b";
    if (pkg.startsWith("@electric-sql") || pkg === "PGlite (wasm)") return "#4c8bf5";
    if (pkg === "node" || pkg === "(native)" || pkg.startsWith("(")) return "#9e9e9e";
    return "#f2c14e";
  };
  const place = (id: number, x: number, depth: number) => {
    const t = totals.get(id) ?? 0;
    const w = (t / all) * width;
    if (w < 2) return;
    const node = byId.get(id)!;
    depthMax = Math.max(depthMax, depth);
    const name = label(node);
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    rects.push(
      `<g><title>${escapeXml(name)}: ${t.toFixed(1)} ms (${((t / all) * 100).toFixed(1)}%)</title><rect x="${x.toFixed(2)}" y="{Y${depth}}" width="${w.toFixed(2)}" height="${row - 1}" fill="${colour(pkg)}"/>` +
        (w > 40 ? `<text x="${(x + 3).toFixed(2)}" y="{T${depth}}" font-size="11" font-family="monospace">${escapeXml(name.slice(0, Math.floor(w / 7)))}</text>` : "") +
        "</g>",
    );
    let cx = x;
    for (const c of node.children ?? []) {
      place(c, cx, depth + 1);
      cx += ((totals.get(c) ?? 0) / all) * width;
    }
  };
  place(root.id, 0, 0);
  const height = (depthMax + 1) * row + 30;
  // Callers at the bottom, as in a classic flame graph.
  const body = rects
    .join("\n")
    .replace(/\{Y(\d+)\}/g, (_m, d: string) => String(height - (Number(d) + 1) * row))
    .replace(/\{T(\d+)\}/g, (_m, d: string) => String(height - (Number(d) + 1) * row + 12));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<text x="4" y="16" font-size="13" font-family="sans-serif">${escapeXml(title)} — ${all.toFixed(0)} ms on CPU (orange: our code, blue: PGlite, yellow: other packages, grey: Node/V8)</text>
${body}
</svg>
`;
}

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "20" }, svg: { type: "string" }, last: { type: "string" } } });
  const file = positionals[0];
  if (!file) throw new Error("Name a .cpuprofile file: npm run bench:flame -- <file.cpuprofile> [--top 20] [--svg out.svg]");
  const whole = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const last = values.last === undefined ? null : Number(values.last);
  if (last !== null && !(last > 0)) throw new Error(`--last must be a number of seconds above 0, got "${values.last}"`);
  const profile = last === null ? whole : lastSeconds(whole, last);
  const { total, frames, packages } = topSelf(profile);
  const pct = (ms: number) => `${((ms / total) * 100).toFixed(1).padStart(5)}%`;
  process.stdout.write(`${total.toFixed(0)} ms on CPU (idle left out)\n\nby package:\n`);
  for (const [pkg, ms] of packages.slice(0, 10)) process.stdout.write(`${pct(ms)}  ${ms.toFixed(0).padStart(7)} ms  ${pkg}\n`);
  process.stdout.write(`\ntop functions by self time:\n`);
  for (const f of frames.slice(0, Number(values.top))) process.stdout.write(`${pct(f.selfMs)}  ${f.selfMs.toFixed(0).padStart(7)} ms  ${f.frame}\n`);
  if (values.svg) {
    writeFileSync(values.svg, flameSvg(profile, file.split("/").at(-1)!));
    process.stdout.write(`\nflame graph: ${values.svg}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();

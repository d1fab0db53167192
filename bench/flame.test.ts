import { describe, expect, it } from "vitest";
import { flameSvg, lastSeconds, packageOf, topSelf } from "./flame";

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
// root -> handler (app) -> query (PGlite); the idle node is left out of every figure.
const profile = {
  nodes: [
    { id: 1, callFrame: frame("(root)", ""), children: [2, 4] },
    { id: 2, callFrame: frame("respond", "file:///srv/.next/server/chunks/engine.js"), children: [3] },
    { id: 3, callFrame: frame("execProtocol", "file:///srv/node_modules/@electric-sql/pglite/dist/index.js") },
    { id: 4, callFrame: frame("(idle)", "") },
  ],
  samples: [2, 3, 3, 3, 4, 4],
  timeDeltas: [1000, 1000, 1000, 1000, 5000, 5000],
};

describe("the CPU profile summary", () => {
  it("names the package a frame belongs to", () => {
    expect(packageOf("file:///srv/node_modules/@electric-sql/pglite/dist/index.js", "x")).toBe("@electric-sql/pglite");
    expect(packageOf("node:internal/streams/readable", "x")).toBe("node");
    expect(packageOf("file:///srv/.next/server/chunks/engine.js", "x")).toBe("app (.next bundle)");
    expect(packageOf("", "(garbage collector)")).toBe("(garbage collector)");
    expect(packageOf("wasm://wasm/022aac12", "wasm-function[13379]")).toBe("PGlite (wasm)");
  });

  it("sums self time per function and package, idle left out", () => {
    const { total, frames, packages } = topSelf(profile);
    expect(total).toBe(4);
    expect(frames[0]).toMatchObject({ package: "@electric-sql/pglite", selfMs: 3 });
    expect(packages).toEqual([
      ["@electric-sql/pglite", 3],
      ["app (.next bundle)", 1],
    ]);
  });

  it("keeps only the last seconds when asked (the server's start-up left out)", () => {
    const tail = lastSeconds(profile, 0.011);
    expect(tail.samples).toEqual([3, 3, 4, 4]);
    expect(topSelf(tail).total).toBe(2);
  });

  it("draws each frame as wide as its total time", () => {
    const svg = flameSvg(profile, "test");
    expect(svg).toContain("4 ms on CPU");
    expect(svg).toMatch(/<title>respond [^<]*: 4\.0 ms \(100\.0%\)<\/title><rect x="0\.00" y="\d+" width="1600\.00"/);
    expect(svg).toMatch(/<title>execProtocol [^<]*: 3\.0 ms \(75\.0%\)<\/title><rect x="0\.00" y="\d+" width="1200\.00"/);
  });
});

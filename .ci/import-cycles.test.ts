import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileLoops, folderLoops, type Import, projectImports } from "./import-cycles";

// Cruising the whole of server/ and db/ takes seconds on a loaded 2-core machine.
const CRUISE_MS = 120_000;

describe("server/ and db/", () => {
  let imports: Import[];
  beforeAll(async () => {
    imports = await projectImports(path.resolve(import.meta.dirname, ".."));
  }, CRUISE_MS);

  it("are read whole (an unresolved `@/` import would hide every loop)", () => {
    expect(imports.some((i) => i.from === "server/chat/chat.service.ts" && i.to === "server/avatars/avatar.service.ts")).toBe(true);
    expect(imports.some((i) => i.from.startsWith("db/") && i.to === "db/schema/index.ts")).toBe(true);
  });

  it("have no files that import each other in a loop", () => {
    expect(fileLoops(imports)).toEqual([]);
  });

  it("have no folders that import each other in a loop", () => {
    expect(folderLoops(imports)).toEqual([]);
  });
});

describe("the loop check, on a made-up project", () => {
  let dir: string;
  let imports: Import[];
  const files: Record<string, string> = {
    // dependency-cruiser reads `paths` from baseUrl (without one, from the working directory: the repository's).
    "tsconfig.json": JSON.stringify({ compilerOptions: { module: "esnext", moduleResolution: "bundler", strict: true, baseUrl: ".", paths: { "@/*": ["./*"] } } }),
    // A folder loop through two files that do not loop themselves.
    "server/a/x.ts": 'import { y } from "@/server/b/y";\nexport const x = () => y;\n',
    "server/b/y.ts": "export const y = 1;\n",
    "server/b/z.ts": 'import { w } from "../a/w";\nexport const z = w;\n',
    "server/a/w.ts": "export const w = 2;\n",
    // A file loop.
    "server/c/p.ts": 'import { q } from "./q";\nexport const p = () => q;\n',
    "server/c/q.ts": 'import { p } from "./p";\nexport const q = () => p;\n',
    // Type-only on one side: a file loop, but no folder loop at run time.
    "server/d/t.ts": 'import type { U } from "@/server/e/u";\nexport const t = (u: U) => u;\n',
    "server/e/u.ts": 'import { t } from "@/server/d/t";\nexport type U = number;\nexport const u = t;\n',
    // The tRPC root and its routers are a pair by design.
    "server/trpc/init.ts": "export const procedure = 1;\n",
    "server/trpc/root.ts": 'import { r } from "@/server/routers/r.router";\nexport const root = r;\n',
    "server/routers/r.router.ts": 'import { procedure } from "@/server/trpc/init";\nexport const r = procedure;\n',
    // A test importing back closes no loop.
    "server/e/u.test.ts": 'import { x } from "@/server/a/x";\nexport const v = x;\n',
    "db/schema/index.ts": 'import { u } from "@/server/e/u";\nexport const s = u;\n',
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "import-cycles-"));
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    imports = await projectImports(dir);
  }, CRUISE_MS);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("finds file loops, type-only ones too", () => {
    expect(fileLoops(imports)).toEqual([
      ["server/c/p.ts", "server/c/q.ts"],
      ["server/d/t.ts", "server/e/u.ts"],
    ]);
  });

  it("finds a folder loop, naming the imports that close it, and nothing else", () => {
    expect(folderLoops(imports)).toEqual([{ folders: ["server/a", "server/b"], imports: ["server/a/x.ts -> server/b/y.ts", "server/b/z.ts -> server/a/w.ts"] }]);
  });

  it("reads the tRPC pair's imports as run-time ones and a type import as type-only", () => {
    expect(imports).toContainEqual({ from: "server/trpc/root.ts", to: "server/routers/r.router.ts", typeOnly: false });
    expect(imports).toContainEqual({ from: "server/d/t.ts", to: "server/e/u.ts", typeOnly: true });
  });
});

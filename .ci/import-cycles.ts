/**
 * Run-time import loops in server/ and db/, between files and between folders, read by dependency-cruiser.
 * A folder is a direct subfolder of server/ or db/ (server/chat/compose/x.ts belongs to server/chat); a
 * file directly in server/ or db/ (env.ts, boot.ts) stands for itself. Files may not loop even through
 * type-only imports (README: "no file-level import circles"); folders may, since type-only imports vanish
 * when TypeScript compiles. Tests and their helpers (server/test/) are left out: nothing shipped imports
 * them, so they cannot close a loop that matters.
 */
import { cruise } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import path from "node:path";

export interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** The tRPC root imports every router and every router imports the root's procedure builders: that pair is by design. */
const ALLOWED = (i: Import) => i.from === "server/trpc/root.ts" && i.to.startsWith("server/routers/");

const shipped = (file: string) => /^(server|db)\//.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith("server/test/");

/** Every import from one shipped file of server/ or db/ to another, under `baseDir`. */
export async function projectImports(baseDir: string): Promise<Import[]> {
  const { output } = await cruise(
    ["server", "db"],
    {
      baseDir,
      tsPreCompilationDeps: true,
      tsConfig: { fileName: path.join(baseDir, "tsconfig.json") },
      doNotFollow: { path: "node_modules" },
      includeOnly: "^(server|db)/",
    },
    undefined,
    { tsConfig: extractTSConfig(path.join(baseDir, "tsconfig.json")) },
  );
  if (typeof output === "string") throw new Error("dependency-cruiser returned a report instead of a result");
  return output.modules.flatMap((m) =>
    shipped(m.source)
      ? m.dependencies.filter((d) => shipped(d.resolved)).map((d) => ({ from: m.source, to: d.resolved, typeOnly: d.dependencyTypes.includes("type-only") }))
      : [],
  );
}

export function folderOf(file: string): string {
  const parts = file.split("/");
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : file;
}

/** Strongly connected components of more than one node (Tarjan), each sorted, in a stable order. */
function loops(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

function graph(pairs: Iterable<[string, string]>): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const [from, to] of pairs) {
    if (from === to) continue;
    (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
  }
  return edges;
}

/** Files that import each other in a loop, type-only imports included. */
export function fileLoops(imports: Import[]): string[][] {
  return loops(graph(imports.map((i) => [i.from, i.to])));
}

/** Folders that import each other in a loop at run time, each with the imports between its members (to show where it closes). */
export function folderLoops(imports: Import[]): { folders: string[]; imports: string[] }[] {
  const counted = imports.filter((i) => !i.typeOnly && !ALLOWED(i));
  return loops(graph(counted.map((i) => [folderOf(i.from), folderOf(i.to)]))).map((folders) => ({
    folders,
    imports: counted.filter((i) => folders.includes(folderOf(i.from)) && folders.includes(folderOf(i.to)) && folderOf(i.from) !== folderOf(i.to)).map((i) => `${i.from} -> ${i.to}`),
  }));
}

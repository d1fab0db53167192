import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** The .jsonl files of a path: the file itself, or every .jsonl below a folder, in a stable order. */
export function jsonlFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .map((name) => path.join(target, name));
}

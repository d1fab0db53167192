/**
 * Lists the licences of the dependencies Fenshen ships (production packages in package-lock.json,
 * optional platform binaries included), and fails on a licence that is missing or not on the
 * allow-list, so a strong-copyleft dependency cannot slip into a hospital's install unnoticed.
 *   npm run licenses                 (Markdown table on stdout; the last line is a JSON summary)
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/** Permissive licences (SPDX ids) a hospital can ship without obligations beyond notices. */
export const ALLOWED = new Set([
  "MIT", "ISC", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "0BSD", "BlueOak-1.0.0", "CC0-1.0",
  "CC-BY-4.0", "Unlicense", "Python-2.0", "MIT-0", "WTFPL", "Zlib",
]);

/** Weak copyleft, shipped unmodified and dynamically linked (sharp's libvips): allowed, with notice. */
export const NOTICE_ONLY = new Set(["LGPL-3.0-or-later", "LGPL-2.1-or-later", "MPL-2.0"]);

/** Packages whose package.json names no SPDX licence, read from the LICENSE file they ship. */
const READ_FROM_LICENSE_FILE: Record<string, string> = { "png-js": "MIT", duck: "BSD-2-Clause" };

export interface LockPackage {
  version?: string;
  license?: string;
  dev?: boolean;
}

export interface ShippedLicence {
  name: string;
  version: string;
  license: string;
  allowed: boolean;
}

/** An SPDX expression is allowed when every alternative of an OR, or every part of an AND, is. */
export function licenceAllowed(expression: string): boolean {
  const clean = expression.replace(/[()]/g, " ").trim();
  if (clean === "") return false;
  if (/\sOR\s/.test(clean)) return clean.split(/\sOR\s/).some((part) => licenceAllowed(part));
  return clean.split(/\sAND\s/).every((part) => ALLOWED.has(part.trim()) || NOTICE_ONLY.has(part.trim()));
}

export function shippedLicences(packages: Record<string, LockPackage>): ShippedLicence[] {
  return Object.entries(packages)
    .filter(([key, pkg]) => key.startsWith("node_modules/") && !pkg.dev)
    .map(([key, pkg]) => {
      const name = key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
      const declared = pkg.license && pkg.license !== "BSD" ? pkg.license : undefined;
      const license = declared ?? READ_FROM_LICENSE_FILE[name] ?? pkg.license ?? "UNKNOWN";
      return {
        name,
        version: pkg.version ?? "?",
        license,
        allowed: licenceAllowed(license),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

function main(): void {
  const lock = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../package-lock.json"), "utf8")) as {
    packages: Record<string, LockPackage>;
  };
  const rows = shippedLicences(lock.packages);
  console.log("| package | version | licence |\n|---|---|---|");
  for (const row of rows) console.log(`| ${row.name} | ${row.version} | ${row.license}${row.allowed ? "" : " (review)"} |`);
  const byLicense: Record<string, number> = {};
  for (const row of rows) byLicense[row.license] = (byLicense[row.license] ?? 0) + 1;
  const review = rows.filter((r) => !r.allowed).map((r) => `${r.name}@${r.version}: ${r.license}`);
  console.log(JSON.stringify({ packages: rows.length, by_license: byLicense, review }));
  if (review.length > 0) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();

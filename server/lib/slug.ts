import { randomBytes } from "node:crypto";

/** URL-safe slug from a name; names without Latin letters (e.g. Chinese) fall back to a random stem. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base.length >= 2 ? base : `dr-${randomBytes(3).toString("hex")}`;
}

export function withRandomSuffix(slug: string): string {
  return `${slug}-${randomBytes(2).toString("hex")}`;
}

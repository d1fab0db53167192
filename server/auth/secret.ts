import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getConfig } from "@/server/env";

/**
 * AUTH_SECRET, or on the embedded engine a secret generated once into DATA_DIR, so the quick start
 * needs no configuration and sessions survive restarts. (env.ts requires AUTH_SECRET with DATABASE_URL.)
 */
export function getAuthSecret(): string {
  const config = getConfig();
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  const file = path.resolve(config.DATA_DIR, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

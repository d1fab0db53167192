import fs from "node:fs";
import { chromium } from "@playwright/test";

/** The Chromium the browser tests use: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own download. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here.
  }
  return candidates.find((p) => p && fs.existsSync(p));
}

// Finds a Chromium for the browser tests; as root on Debian it installs Debian's chromium itself.
import { execSync } from "node:child_process";
import fs from "node:fs";
import { findChromium } from "./chromium.mjs";

if (!findChromium()) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && fs.existsSync("/etc/debian_version")) {
    console.log("[e2e] installing Debian's chromium…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
  }
  if (!findChromium()) {
    console.error("[e2e] No Chromium found: install Debian's `chromium` package (apt-get install chromium) or set CHROMIUM_PATH.");
    process.exit(1);
  }
}

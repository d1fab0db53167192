import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/chromium.mjs";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] } },
    { name: "phone", use: { ...devices["Pixel 7"] }, grep: /@phone/ },
  ],
  webServer: {
    // A fresh embedded database every run, seeded with the demo data, on the production build.
    command: `rm -rf .data/e2e && npm run build && npx next start -p ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    // The crisis spec's webhook receiver listens on 127.0.0.1, which organizations may send to only when allowed.
    env: { DATA_DIR: ".data/e2e", SEED_DEMO: "true", NEXT_TELEMETRY_DISABLED: "1", OUTBOUND_ALLOW: "127.0.0.1" },
    stdout: "pipe",
  },
});

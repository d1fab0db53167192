import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run server modules directly; "server-only" only throws outside React's server condition.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["server/**/*.test.ts", "db/**/*.test.ts", "components/**/*.test.ts", "bench/**/*.test.ts", ".ci/**/*.test.ts", "deploy/**/*.test.ts"],
    environment: "node",
    // Test receivers listen on 127.0.0.1, which organizations may not send to unless the operator allows it.
    env: { OUTBOUND_ALLOW: "127.0.0.1" },
    globalSetup: ["server/test/global-setup.ts"],
    // PGlite boots a WASM Postgres per integration file; keep the 2-core machine from thrashing.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

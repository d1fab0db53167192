/**
 * No Docker engine runs here, so the deployment kit is checked by reading it: compose.yaml by dclint (the
 * Compose Specification's schema and its security and correctness rules) and against what this app
 * needs, and the Dockerfile's references and users.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { DCLinter } from "dclint";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

interface Service {
  image?: string;
  build?: { context: string; target?: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  stop_grace_period?: string;
  command?: string[];
}

/** dclint's rules that only concern the order of keys are style, not correctness: left out. */
const ORDER_RULES = ["service-keys-order", "services-alphabetical-order", "top-level-properties-order", "service-dependencies-alphabetical-order", "require-quotes-in-ports"];

function lintCompose(file: string) {
  const linter = new DCLinter({ rules: Object.fromEntries(ORDER_RULES.map((rule) => [rule, 0])), quiet: true, debug: false, exclude: [] });
  return linter.lintFiles([file], false).flatMap((result) => result.messages.map((m) => `${m.rule}: ${m.message}`));
}

const compose = parse(read("compose.yaml"), { merge: true }) as { services: Record<string, Service> };

describe("compose.yaml", () => {
  it("passes dclint: valid against the Compose Specification, no unsafe or ambiguous service", () => {
    expect(lintCompose(path.join(root, "compose.yaml"))).toEqual([]);
  });

  it("the check can fail: an unknown service key is refused by the schema", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fenshen-compose-"));
    const broken = path.join(dir, "compose.yaml");
    fs.writeFileSync(broken, read("compose.yaml").replace(/^  worker:\n/m, "  worker:\n    helthcheck: {}\n"));
    try {
      expect(lintCompose(broken)).toEqual([expect.stringMatching(/^invalid-schema: .*\/services\/worker.*additional properties/)]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs Postgres with pgvector, two app instances that only queue jobs, one worker and a proxy", () => {
    const { services } = compose;
    expect(services.postgres?.image).toBe("pgvector/pgvector:pg17");
    for (const name of ["app1", "app2"]) {
      const app = services[name]!;
      expect(app.build?.target).toBe("app");
      expect(app.environment).toMatchObject({ JOBS_IN_PROCESS: "false", TRUSTED_PROXIES: "1" });
      expect(app.environment?.DATABASE_URL).toMatch(/^postgres:\/\/fenshen:.*@postgres:5432\/fenshen$/);
      expect(app.healthcheck?.test.join(" ")).toContain("/api/health/ready");
      expect(app.depends_on?.postgres?.condition).toBe("service_healthy");
    }
    expect(services.worker?.build?.target).toBe("worker");
    expect(services.worker?.environment).not.toHaveProperty("JOBS_IN_PROCESS");
    expect(services.worker?.environment?.DATABASE_URL).toBe(services.app1?.environment?.DATABASE_URL);
    expect(services.proxy?.image).toMatch(/^caddy:/);
    expect(services.proxy?.volumes).toContain("./deploy/Caddyfile:/etc/caddy/Caddyfile:ro");
  });

  it("gives the app's shutdown grace period room before the kill", () => {
    const grace = Number(compose.services.app1?.environment?.SHUTDOWN_GRACE_MS) / 1000;
    for (const name of ["app1", "app2", "worker"]) expect(Number.parseInt(compose.services[name]!.stop_grace_period!, 10)).toBeGreaterThan(grace);
  });
});

const caddyBinary = ["/usr/bin/caddy", "/usr/local/bin/caddy"].find((f) => fs.existsSync(f));

describe("deploy/Caddyfile", () => {
  const caddy = read("deploy/Caddyfile");
  // Debian's caddy package (.ci/run installs it): Caddy's own parser reads the file as the proxy will.
  it.skipIf(!caddyBinary)("is read by Caddy into a reverse proxy that never buffers and checks readiness", () => {
    const config = JSON.parse(
      execFileSync(caddyBinary!, ["adapt", "--config", path.join(root, "deploy/Caddyfile"), "--adapter", "caddyfile"], { env: { ...process.env, SITE_ADDRESS: ":80" } }).toString(),
    ) as { apps: { http: { servers: Record<string, { routes: { handle: Record<string, unknown>[] }[] }> } } };
    const handlers = Object.values(config.apps.http.servers).flatMap((s) => s.routes.flatMap((r) => r.handle));
    expect(handlers.find((h) => h.handler === "reverse_proxy")).toMatchObject({
      flush_interval: -1,
      health_checks: { active: { uri: "/api/health/ready" } },
      upstreams: [{ dial: "app1:3000" }, { dial: "app2:3000" }],
    });
  });

  it("streams answers and server-sent events at once, balances across both instances by readiness, keeps metrics private", () => {
    expect(caddy).toMatch(/reverse_proxy app1:3000 app2:3000 \{/);
    expect(caddy).toMatch(/^\s*flush_interval -1$/m);
    expect(caddy).toMatch(/^\s*health_uri \/api\/health\/ready$/m);
    expect(caddy).toMatch(/^\s*respond \/api\/metrics\* 404$/m);
    // No compression in front of streams (it held the chat stream back under next start).
    expect(caddy).not.toMatch(/^\s*encode\b/m);
  });
});

describe("Dockerfile", () => {
  const lines = read("Dockerfile").split("\n");
  const stages: { name: string; from: string; lines: string[] }[] = [];
  for (const line of lines) {
    const from = /^FROM (\S+)(?: AS (\S+))?/i.exec(line);
    if (from) stages.push({ from: from[1]!, name: from[2] ?? "", lines: [] });
    else stages.at(-1)?.lines.push(line);
  }

  it("copies only files that exist in the repository (from the build context, or produced from them)", () => {
    for (const stage of stages) {
      for (const line of stage.lines) {
        const copy = /^COPY (?:--\S+ )*(.+) (\S+)$/.exec(line);
        if (!copy) continue;
        const fromStage = /--from=\S+/.test(line);
        for (const source of copy[1]!.split(" ")) {
          if (source === ".") continue;
          // What earlier stages make (`npm ci`'s node_modules, `npm run build`'s .next) is not in the repository; anything else must be.
          const file = fromStage ? source.replace(/^\/app\//, "") : source;
          if (file.startsWith(".next/") || file === "node_modules") continue;
          expect(fs.existsSync(path.join(root, file)), `${stage.name}: ${line}`).toBe(true);
        }
      }
    }
  });

  it("builds Next's standalone server only in the image, so `next start` keeps working", () => {
    expect(read("Dockerfile")).toMatch(/ENV [^\n]*NEXT_OUTPUT=standalone/);
    expect(read("next.config.ts")).toMatch(/process\.env\.NEXT_OUTPUT === "standalone"/);
    expect(stages.find((s) => s.name === "app")!.lines.join("\n")).toContain('CMD ["node", "server.js"]');
  });

  it("runs both images as a non-root user, with the graceful shutdown on", () => {
    for (const name of ["app", "worker"]) {
      const stage = stages.find((s) => s.name === name)!;
      const users = stage.lines.filter((l) => l.startsWith("USER "));
      expect(users.at(-1), name).toBe("USER node");
    }
    expect(stages.find((s) => s.name === "app")!.lines.join("\n")).toMatch(/NEXT_MANUAL_SIG_HANDLE=true/);
    const worker = stages.find((s) => s.name === "worker")!.lines.join("\n");
    expect(worker).toContain('CMD ["node_modules/.bin/tsx", "--conditions=react-server", "server/worker/main.ts"]');
    expect(JSON.parse(read("package.json")).scripts.worker).toBe("tsx --conditions=react-server server/worker/main.ts");
  });
});

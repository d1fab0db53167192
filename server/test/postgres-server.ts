/**
 * A throwaway Postgres server from Debian's binaries (`postgresql-15`, which .ci/run installs), for the
 * tests that need two real connections (LISTEN/NOTIFY between app instances). It has no pgvector, so it
 * holds no Fenshen schema: only what needs no table runs on it.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

/** The newest installed server's bin folder, or null when no Postgres server is installed. */
export function postgresBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts a server in a new temporary folder; Postgres refuses to run as root, so as root it runs as the `postgres` user. */
export async function startPostgres(bin: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fenshen-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const run = (file: string, args: string[]) => (asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, file), ...args]] : [path.join(bin, file), args]) as [string, string[]];
  const data = path.join(dir, "data");
  execFileSync(...run("initdb", ["-D", data, "-U", "fenshen", "--auth=trust", "-E", "UTF8", "--no-locale"]), { stdio: "ignore" });
  const port = await freePort();
  const server: ChildProcess = spawn(...run("postgres", ["-D", data, "-p", String(port), "-h", "127.0.0.1", "-k", dir, "-F"]), { stdio: "ignore" });
  const url = `postgres://fenshen@127.0.0.1:${port}/postgres`;
  // Ready when it accepts a query (connection refused until then).
  for (let attempt = 0; ; attempt++) {
    const probe = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 2 });
    try {
      await probe`select 1`;
      await probe.end();
      break;
    } catch (e) {
      await probe.end({ timeout: 0 });
      if (attempt >= 100 || server.exitCode !== null) throw new Error(`The test Postgres server did not start (${(e as Error).message}).`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: async () => {
      const exited = server.exitCode === null ? new Promise((resolve) => server.once("exit", resolve)) : Promise.resolve();
      // pg_ctl, not a signal to the child: as root the child is runuser, which does not pass SIGINT on.
      execFileSync(...run("pg_ctl", ["stop", "-D", data, "-m", "fast", "-w"]), { stdio: "ignore" });
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { documents, notifications, organizations } from "@/db/schema";
import { createAvatar } from "@/server/avatars/avatar.service";
import { pasteDocument } from "@/server/knowledge/document.service";
import { startFakeEmbeddingsServer } from "@/server/test/embeddings-server";
import { createTestOrg, testAvatarProfile } from "@/server/test/db";
import { createTestEscalation } from "@/server/test/escalations";
import { listenOnLoopback } from "@/server/test/local-server";

/**
 * A real process, a real signal: an app booted on an embedded database is processing a document (its
 * embedding endpoint never answers) and delivering a crisis alert (its webhook never answers) when it
 * gets SIGTERM. It must hand both back to their queues, close the database and exit 0, instead of
 * leaving them leased until their leases run out.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fenshen-sigterm-"));
let child: ChildProcess | undefined;
afterAll(() => {
  if (child?.exitCode === null) child.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("SIGTERM", () => {
  it("releases the job leases the process holds, closes the database and exits", async () => {
    const embeddings = await startFakeEmbeddingsServer({ dimensions: 384 });
    embeddings.state.mode = "hang";
    let webhookCalls = 0;
    const webhook = await listenOnLoopback(http.createServer(() => void webhookCalls++));
    const dbDir = path.join(dataDir, "pglite");
    let documentId = "";
    {
      const database = await openDatabase({ dataDir: dbDir, sharedBuffers: "64MB" });
      const doctor = (await createTestOrg(database, ["doctor"])).actors.doctor;
      const avatar = await createAvatar(database.db, doctor, testAvatarProfile("Dr. Sigterm"));
      documentId = (await pasteDocument(database.db, doctor, { avatarId: avatar.id, title: "Salt", text: "# Salt\n\nLess than five grams a day." }, { maxBytes: 1 << 20 })).document.id;
      await database.db.update(organizations).set({ webhookUrl: `${webhook.origin}/hook` }).where(eq(organizations.id, doctor.orgId));
      await createTestEscalation(database, doctor.orgId, doctor.userId, "help");
      await database.close();
    }

    const logs: string[] = [];
    child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "server/test/boot-fixture.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATA_DIR: dataDir,
        PGLITE_SHARED_BUFFERS: "64MB",
        SEED_DEMO: "false",
        EMBEDDING_BASE_URL: embeddings.baseURL,
        EMBEDDING_MODEL: "hanging-model",
        EMBEDDING_DIMENSIONS: "384",
        EMBEDDING_TIMEOUT_MS: "120000",
        NEXT_MANUAL_SIG_HANDLE: "true",
        SHUTDOWN_GRACE_MS: "200",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));

    // The document's embedding request and the alert's POST arrive: the process holds both leases.
    while (embeddings.state.requests.length === 0 || webhookCalls === 0) {
      if (child.exitCode !== null) throw new Error(`The app exited before embedding: ${logs.join("")}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGTERM");
    expect(await exited, logs.join("")).toBe(0);
    await embeddings.close();
    await webhook.close();

    const lines = logs.join("").split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.msg === "shut down")).toMatchObject({ releasedLeases: 2, level: "info" });
    const database = await openDatabase({ dataDir: dbDir, sharedBuffers: "64MB" });
    try {
      const [doc] = await database.db.select({ status: documents.status, attempts: documents.attempts }).from(documents).where(eq(documents.id, documentId));
      expect(doc).toEqual({ status: "queued", attempts: 0 });
      // The alert is due again at once, for the next process, its interrupted attempt not counted.
      const [alert] = await database.db.select().from(notifications);
      expect(alert).toMatchObject({ status: "pending", attempts: 0 });
      expect(alert!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    } finally {
      await database.close();
    }
  }, 120_000);
});

describe("npm run worker", () => {
  it("refuses to start on the embedded database, naming what it needs", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SEED_DEMO: "false" };
    delete env.DATABASE_URL;
    const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "server/worker/main.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    worker.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => worker.once("exit", resolve));
    expect(code).toBe(1);
    const line = JSON.parse(output.trim().split("\n").at(-1)!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "error", msg: "worker start-up" });
    expect(String(line.err)).toMatch(/npm run worker needs DATABASE_URL/);
  }, 60_000);
});


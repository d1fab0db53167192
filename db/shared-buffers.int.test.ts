import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/server/env";
import { openDatabase } from "./client";

describe("PGlite shared_buffers", () => {
  it("is a validated setting with a default large enough for the indexes of ~100k passages", () => {
    expect(parseConfig({}).PGLITE_SHARED_BUFFERS).toBe("1GB");
    expect(parseConfig({ PGLITE_SHARED_BUFFERS: "256MB" }).PGLITE_SHARED_BUFFERS).toBe("256MB");
    expect(() => parseConfig({ PGLITE_SHARED_BUFFERS: "lots" })).toThrow(/PGLITE_SHARED_BUFFERS: must be a size like 512MB or 1GB/);
  });

  it("is given to the data-folder engine at start, on every start", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fenshen-buffers-"));
    try {
      for (const size of ["160MB", "200MB"]) {
        const database = await openDatabase({ dataDir: dir, sharedBuffers: size });
        const [row] = await database.query<{ shared_buffers: string }>("show shared_buffers");
        await database.close();
        expect(row?.shared_buffers).toBe(size);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

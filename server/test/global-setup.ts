import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { createPostgresTemplate } from "./db-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** A dump of a freshly migrated in-memory database, which each test file's database starts from. */
    pgliteTemplatePath: string;
    /** With TEST_DATABASE_URL: the migrated database on that server each test file's database is copied from. */
    postgresTemplate: string | null;
  }
}

/**
 * Migrates one in-memory database before the run and dumps it: loading the dump takes a quarter of
 * the time of migrating from scratch, once per integration test file. With TEST_DATABASE_URL (a
 * Postgres server with pgvector) it also migrates a template database there (server/test/db-server.ts).
 */
export default async function setup(project: TestProject) {
  const database = await openDatabase({ memory: true });
  const dump = await database.dump!();
  await database.close();
  const file = path.join(os.tmpdir(), `fenshen-test-template-${process.pid}.tar`);
  fs.writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
  project.provide("pgliteTemplatePath", file);
  const server = process.env.TEST_DATABASE_URL ? await createPostgresTemplate(process.env.TEST_DATABASE_URL) : null;
  project.provide("postgresTemplate", server?.name ?? null);
  return async () => {
    fs.rmSync(file, { force: true });
    await server?.drop();
  };
}

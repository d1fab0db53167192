/**
 * Integration tests on a Postgres server instead of PGlite: with TEST_DATABASE_URL set to a server
 * with pgvector (its own database's name is only used to connect), the global setup migrates one
 * template database there and each test file gets a fresh copy of it, dropped when the file closes it.
 * For finding SQL that only works on PGlite; the default run needs no server.
 */
import postgres from "postgres";
import { type Database, openDatabase } from "@/db/client";

const urlFor = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function onServer<T>(url: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Creates and migrates the template database; `drop` removes it after the run. */
export async function createPostgresTemplate(url: string): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `fenshen_test_template_${process.pid}`;
  await onServer(url, (sql) => sql.unsafe(`create database ${name}`));
  const database = await openDatabase({ url: urlFor(url, name), poolSize: 2 });
  await database.close();
  return { name, drop: () => onServer(url, (sql) => sql.unsafe(`drop database if exists ${name}`)).then(() => {}) };
}

/** A fresh copy of the template for one test file, dropped on close. */
export async function createServerTestDatabase(url: string, template: string): Promise<Database> {
  const name = `fenshen_test_${crypto.randomUUID().replaceAll("-", "")}`;
  await onServer(url, (sql) => sql.unsafe(`create database ${name} template ${template}`));
  const database = await openDatabase({ url: urlFor(url, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      await onServer(url, (sql) => sql.unsafe(`drop database if exists ${name}`));
    },
  };
}

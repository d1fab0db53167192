import { describe, expect, it } from "vitest";
import { parseChatBenchArgs } from "./chat-args";

describe("bench:chat arguments", () => {
  it("defaults to one embedded instance, 1,000 requests and no pause", () => {
    expect(parseChatBenchArgs([])).toMatchObject({ concurrency: 50, turns: 4, totalRequests: 1000, databaseUrl: null, instances: 1, thinkMs: 0, warmUp: 20 });
  });

  it("takes a Postgres server, several instances on it and a pause between turns", () => {
    const args = parseChatBenchArgs(["--database-url", "postgres://bench:secret@db.example:5432/fenshen", "--instances", "3", "--think-ms", "250", "--requests", "600"]);
    expect(args).toMatchObject({ databaseUrl: "postgres://bench:secret@db.example:5432/fenshen", instances: 3, thinkMs: 250, totalRequests: 600 });
  });

  it("refuses several instances on the embedded database, naming the flag that is missing", () => {
    expect(() => parseChatBenchArgs(["--instances", "2"])).toThrow(/--instances 2 needs --database-url/);
  });

  it("refuses a database URL that is not Postgres's, and counts that are not counts", () => {
    expect(() => parseChatBenchArgs(["--database-url", "mysql://db/fenshen"])).toThrow(/--database-url must be a Postgres URL/);
    expect(() => parseChatBenchArgs(["--instances", "0"])).toThrow(/--instances must be a positive integer, got "0"/);
    expect(() => parseChatBenchArgs(["--think-ms=-5"])).toThrow(/--think-ms must be a whole number of milliseconds/);
    expect(() => parseChatBenchArgs(["--think-ms", "soon"])).toThrow(/got "soon"/);
  });
});

import { describe, expect, it } from "vitest";
import { parseConfig } from "./env";

describe("parseConfig", () => {
  it("runs with no configuration on the embedded defaults", () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe(".data");
    expect(config.MAX_UPLOAD_MB).toBe(25);
    expect(config.SEED_DEMO).toBe(true);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with postgres/);
    expect(() => parseConfig({ MAX_UPLOAD_MB: "lots" })).toThrow(/MAX_UPLOAD_MB/);
  });

  it("requires a shared AUTH_SECRET on a Postgres server", () => {
    expect(() => parseConfig({ DATABASE_URL: "postgres://db/fenshen" })).toThrow(/AUTH_SECRET/);
    expect(parseConfig({ DATABASE_URL: "postgres://db/fenshen", AUTH_SECRET: "x".repeat(32) }).DATABASE_URL).toBe("postgres://db/fenshen");
  });

  it("requires the language model's URL and name together", () => {
    expect(() => parseConfig({ LLM_BASE_URL: "http://127.0.0.1:8000/v1" })).toThrow(/LLM_MODEL/);
    expect(() => parseConfig({ LLM_MODEL: "qwen" })).toThrow(/LLM_BASE_URL/);
  });
});

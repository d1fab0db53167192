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

  it("seeds the demo only on the embedded database unless asked, never on a server database by default", () => {
    const server = { DATABASE_URL: "postgres://db/fenshen", AUTH_SECRET: "x".repeat(32) };
    expect(parseConfig(server).SEED_DEMO).toBe(false);
    expect(parseConfig({ ...server, SEED_DEMO: "" }).SEED_DEMO).toBe(false);
    expect(parseConfig({ ...server, SEED_DEMO: "true" }).SEED_DEMO).toBe(true);
    expect(parseConfig({ SEED_DEMO: "false" }).SEED_DEMO).toBe(false);
    expect(() => parseConfig({ SEED_DEMO: "yes" })).toThrow(/SEED_DEMO/);
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

  it("picks no embedding provider by default and checks the embedding settings", () => {
    const config = parseConfig({});
    expect(config.EMBEDDING_BASE_URL).toBeUndefined();
    expect(config.EMBEDDING_MODEL_PATH).toBeUndefined();
    expect(config.EMBEDDING_TIMEOUT_MS).toBe(30_000);
    expect(config.EMBEDDING_BATCH_SIZE).toBe(64);
    expect(() => parseConfig({ EMBEDDING_BASE_URL: "http://127.0.0.1:11434/v1" })).toThrow(/EMBEDDING_MODEL: is required/);
    expect(() => parseConfig({ EMBEDDING_MODEL: "nomic-embed-text" })).toThrow(/EMBEDDING_BASE_URL: is required/);
    expect(() => parseConfig({ EMBEDDING_BASE_URL: "not a url", EMBEDDING_MODEL: "m" })).toThrow(/EMBEDDING_BASE_URL/);
    expect(() => parseConfig({ EMBEDDING_BASE_URL: "http://h/v1", EMBEDDING_MODEL: "m", EMBEDDING_MODEL_PATH: "/models/x" })).toThrow(/EMBEDDING_MODEL_PATH: cannot be set together/);
    expect(() => parseConfig({ EMBEDDING_DIMENSIONS: "-3" })).toThrow(/EMBEDDING_DIMENSIONS/);
    const remote = parseConfig({ EMBEDDING_BASE_URL: "http://h/v1", EMBEDDING_MODEL: "bge-small", EMBEDDING_DIMENSIONS: "384", EMBEDDING_BATCH_SIZE: "16" });
    expect(remote).toMatchObject({ EMBEDDING_MODEL: "bge-small", EMBEDDING_DIMENSIONS: 384, EMBEDDING_BATCH_SIZE: 16 });
    expect(parseConfig({ EMBEDDING_MODEL_PATH: "/models/bge-small" }).EMBEDDING_MODEL_PATH).toBe("/models/bge-small");
  });
  it("reads the operator's internal hosts and ranges for outbound URLs, naming a bad entry", () => {
    expect(parseConfig({}).OUTBOUND_ALLOW).toEqual({ hosts: [], ranges: [] });
    expect(parseConfig({ OUTBOUND_ALLOW: "Hooks.Hospital.lan, 10.20.0.0/16 127.0.0.1,[fd00:1::]/64" }).OUTBOUND_ALLOW).toEqual({
      hosts: ["hooks.hospital.lan"],
      ranges: [
        { address: "10.20.0.0", prefix: 16, family: "ipv4" },
        { address: "127.0.0.1", prefix: 32, family: "ipv4" },
        { address: "fd00:1::", prefix: 64, family: "ipv6" },
      ],
    });
    expect(() => parseConfig({ OUTBOUND_ALLOW: "10.0.0.0/33" })).toThrow(/OUTBOUND_ALLOW: "10.0.0.0\/33" has a bad prefix length/);
    expect(() => parseConfig({ OUTBOUND_ALLOW: "hooks.lan, http://x" })).toThrow(/OUTBOUND_ALLOW: "http:\/\/x" is neither a host name/);
    expect(() => parseConfig({ OUTBOUND_ALLOW: "hooks.lan/8" })).toThrow(/OUTBOUND_ALLOW: "hooks.lan\/8" is neither/);
  });

  it("reads rate limits as a count per window, with defaults, and names a bad one", () => {
    const config = parseConfig({ RATE_LIMIT_CHAT_CLIENT: "5/30s", RATE_LIMIT_SIGNIN_ACCOUNT: "3/2h" });
    expect(config.RATE_LIMIT_CHAT_CLIENT).toEqual({ max: 5, windowSeconds: 30 });
    expect(config.RATE_LIMIT_SIGNIN_ACCOUNT).toEqual({ max: 3, windowSeconds: 7200 });
    expect(config.RATE_LIMIT_CHAT_AVATAR).toEqual({ max: 600, windowSeconds: 60 });
    expect(config.TRUSTED_PROXIES).toBe(0);
    expect(() => parseConfig({ RATE_LIMIT_FEEDBACK: "lots" })).toThrow(/RATE_LIMIT_FEEDBACK: must be a count per window like 60\/1h/);
    expect(() => parseConfig({ RATE_LIMIT_FEEDBACK: "0/1m" })).toThrow(/RATE_LIMIT_FEEDBACK/);
    expect(() => parseConfig({ TRUSTED_PROXIES: "-1" })).toThrow(/TRUSTED_PROXIES/);
  });

  it("finds the OCR programs on PATH unless told where they are", () => {
    expect(parseConfig({})).toMatchObject({ TESSERACT_PATH: "tesseract", PDFTOPPM_PATH: "pdftoppm" });
    expect(parseConfig({ TESSERACT_PATH: "/opt/ocr/bin/tesseract", PDFTOPPM_PATH: "" })).toMatchObject({ TESSERACT_PATH: "/opt/ocr/bin/tesseract", PDFTOPPM_PATH: "pdftoppm" });
  });

  it("runs the jobs in the app unless told a worker process does, which needs a Postgres server", () => {
    const server = { DATABASE_URL: "postgres://db/fenshen", AUTH_SECRET: "x".repeat(32) };
    expect(parseConfig({}).JOBS_IN_PROCESS).toBe(true);
    expect(parseConfig({ ...server, JOBS_IN_PROCESS: "false" }).JOBS_IN_PROCESS).toBe(false);
    expect(() => parseConfig({ JOBS_IN_PROCESS: "false" })).toThrow(/JOBS_IN_PROCESS: can be false only with DATABASE_URL/);
    expect(() => parseConfig({ JOBS_IN_PROCESS: "no" })).toThrow(/JOBS_IN_PROCESS/);
  });

  it("reads the operations settings, naming a bad one", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ DATABASE_POOL_SIZE: 10, LOG_LEVEL: "info", SHUTDOWN_GRACE_MS: 10_000, WORKER_METRICS_PORT: 9464 });
    expect(config.METRICS_TOKEN).toBeUndefined();
    expect(() => parseConfig({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
    expect(() => parseConfig({ DATABASE_POOL_SIZE: "1" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => parseConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });
});

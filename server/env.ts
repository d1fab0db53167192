import net from "node:net";
import { z } from "zod";

/** Hosts and address ranges an operator lets organizations send to although they are internal (OUTBOUND_ALLOW). */
export interface OutboundAllow {
  /** Lower-case host names, matched exactly. */
  hosts: string[];
  ranges: { address: string; prefix: number; family: "ipv4" | "ipv6" }[];
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Parses "hooks.hospital.lan, 10.20.0.0/16, 10.1.2.3, fd00:1::/64" (commas or spaces). An address
 * without a prefix is that one address. Throws a message naming the first entry that is neither.
 */
export function parseOutboundAllow(value: string): OutboundAllow {
  const allow: OutboundAllow = { hosts: [], ranges: [] };
  for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
    const [address = "", prefixText, extra] = entry.replace(/^\[|\](?=\/|$)/g, "").split("/");
    const family = net.isIP(address);
    if (family && extra === undefined) {
      const max = family === 4 ? 32 : 128;
      const prefix = prefixText === undefined ? max : Number(prefixText);
      if (!/^\d{1,3}$/.test(prefixText ?? String(max)) || prefix > max) {
        throw new Error(`"${entry}" has a bad prefix length (0 to ${max} for IPv${family})`);
      }
      allow.ranges.push({ address, prefix, family: family === 4 ? "ipv4" : "ipv6" });
    } else if (prefixText === undefined && HOST_NAME.test(entry.toLowerCase().replace(/\.$/, ""))) {
      allow.hosts.push(entry.toLowerCase().replace(/\.$/, ""));
    } else {
      throw new Error(`"${entry}" is neither a host name, an IP address nor a CIDR range like 10.0.0.0/8`);
    }
  }
  return allow;
}

const optionalUrl = z.url().optional();

/** A rate limit written as "<count>/<window>", e.g. "20/1m" or "10/15m" (s, m or h). */
const rateLimit = (fallback: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default(fallback)
      .transform((value, ctx) => {
        const match = /^(\d+)\/(\d*)(s|m|h)$/.exec(value.trim());
        if (!match || Number(match[1]) < 1) {
          ctx.addIssue({ code: "custom", message: `must be a count per window like ${fallback} (s, m or h), not "${value}"` });
          return z.NEVER;
        }
        return { max: Number(match[1]), windowSeconds: Number(match[2] || 1) * { s: 1, m: 60, h: 3600 }[match[3] as "s" | "m" | "h"] };
      }),
  );
const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** Every environment variable Fenshen reads; README's configuration table mirrors this schema. */
export const ZConfig = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Postgres server with pgvector; unset = embedded PGlite in DATA_DIR. */
    DATABASE_URL: z.preprocess(emptyToUndefined, z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres://").optional()),
    /** Where the embedded database and generated secrets live. */
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data")),
    /**
     * PGlite's shared_buffers for the embedded database: its 128MB default holds less than the vector and
     * keyword indexes of ~100k passages, so retrieval would read pages from the file system on every query.
     */
    PGLITE_SHARED_BUFFERS: z.preprocess(
      emptyToUndefined,
      z.string().regex(/^\d+(kB|MB|GB)$/, "must be a size like 512MB or 1GB").default("1GB"),
    ),
    /** Connections each process keeps to a Postgres server (app instances and the worker alike). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
    /**
     * Whether this process runs the background jobs. "false": app instances only queue work and a worker
     * process (`npm run worker`) runs it; only with DATABASE_URL (the embedded database is single-process).
     */
    JOBS_IN_PROCESS: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).default("true")).transform((v) => v === "true"),
    /** Bearer token for GET /api/metrics (and the worker's metrics port); unset = the endpoint answers 404. */
    METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, "must be at least 16 characters").optional()),
    /** Port of the worker process's own /metrics (the worker serves no other HTTP); 0 = none. */
    WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
    /** pino's level for the JSON log lines. */
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
    /** On SIGTERM: how long open streams and running jobs get to finish before leases are released and the process exits. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    /** Signs session tokens; generated into DATA_DIR when unset on the embedded engine. */
    AUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, "must be at least 32 characters").optional()),
    LLM_BASE_URL: z.preprocess(emptyToUndefined, optionalUrl),
    LLM_MODEL: z.preprocess(emptyToUndefined, z.string().optional()),
    LLM_API_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
    LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    /** OpenAI-compatible /v1/embeddings endpoint (Ollama, vLLM, TEI, a cloud); unset = the offline embedder. */
    EMBEDDING_BASE_URL: z.preprocess(emptyToUndefined, optionalUrl),
    EMBEDDING_MODEL: z.preprocess(emptyToUndefined, z.string().optional()),
    EMBEDDING_API_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
    /** A local ONNX sentence-embedding model folder for transformers.js (never downloads). */
    EMBEDDING_MODEL_PATH: z.preprocess(emptyToUndefined, z.string().optional()),
    /** The vector size the configured model returns; checked on every answer (the index holds 384 today). */
    EMBEDDING_DIMENSIONS: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().optional()),
    EMBEDDING_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    /** Texts per request to the embedding endpoint. */
    EMBEDDING_BATCH_SIZE: z.coerce.number().int().positive().max(2048).default(64),
    /** SMTP server for crisis e-mails, e.g. smtp://user:pass@mail.hospital.org:587. */
    SMTP_URL: z.preprocess(emptyToUndefined, z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional()),
    SMTP_FROM: z.preprocess(emptyToUndefined, z.string().default("Fenshen <no-reply@fenshen.local>")),
    /** The site's public address (e.g. https://fenshen.hospital.org): crisis alerts link to its crisis inbox. */
    PUBLIC_URL: z.preprocess(emptyToUndefined, optionalUrl),
    MAX_UPLOAD_MB: z.coerce.number().positive().default(25),
    /** The OCR programs scanned pages are read with (a name looked up on PATH, or a path). */
    TESSERACT_PATH: z.preprocess(emptyToUndefined, z.string().default("tesseract")),
    PDFTOPPM_PATH: z.preprocess(emptyToUndefined, z.string().default("pdftoppm")),
    /**
     * Internal hosts and CIDR ranges organizations may send crisis webhooks to (on-premises installs),
     * e.g. "hooks.hospital.lan, 10.20.0.0/16"; everything else must be a public https address.
     */
    OUTBOUND_ALLOW: z.preprocess(emptyToUndefined, z.string().default("")).transform((value, ctx) => {
      try {
        return parseOutboundAllow(value);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
        return z.NEVER;
      }
    }),
    /**
     * Seed the demo hospital, doctor and avatar into an empty database on start. Unset: only on the
     * embedded quick-start database, never on a server database (the demo's password is public).
     */
    SEED_DEMO: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()).transform((v) => (v === undefined ? undefined : v === "true")),
    /** Single sign-on with the hospital's OpenID Connect provider; all four of issuer, client id, secret and org slug, or none. */
    OIDC_ISSUER: z.preprocess(emptyToUndefined, optionalUrl),
    OIDC_CLIENT_ID: z.preprocess(emptyToUndefined, z.string().optional()),
    OIDC_CLIENT_SECRET: z.preprocess(emptyToUndefined, z.string().optional()),
    /** The organization single-sign-on users join. */
    OIDC_ORG_SLUG: z.preprocess(emptyToUndefined, z.string().optional()),
    /** Role of a member created by their first single sign-on. */
    OIDC_DEFAULT_ROLE: z.preprocess(emptyToUndefined, z.enum(["admin", "doctor", "reviewer", "on_call"]).default("doctor")),
    /** The provider's name on the sign-in button ("Sign in with …"). */
    OIDC_NAME: z.preprocess(emptyToUndefined, z.string().max(60).default("Hospital sign-on")),
    /** Optional ID-token claim whose value (admin, doctor, reviewer, on_call) sets the member's role. */
    OIDC_ROLE_CLAIM: z.preprocess(emptyToUndefined, z.string().optional()),
    /**
     * Reverse proxies in front of the app that append to X-Forwarded-For. 0: the header is not trusted
     * (a client writes it itself), so every client counts as one address in the per-address limits.
     */
    TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
    /** Chat messages per patient session (or widget session, or API key); crisis messages are never refused. */
    RATE_LIMIT_CHAT_CLIENT: rateLimit("20/1m"),
    /** Chat messages per client address. */
    RATE_LIMIT_CHAT_ADDRESS: rateLimit("120/1m"),
    /** Chat messages per avatar, from all patients together. */
    RATE_LIMIT_CHAT_AVATAR: rateLimit("600/1m"),
    /** Failed sign-ins per account, and per address, before sign-in is refused for the rest of the window. */
    RATE_LIMIT_SIGNIN_ACCOUNT: rateLimit("10/15m"),
    RATE_LIMIT_SIGNIN_ADDRESS: rateLimit("50/15m"),
    /** New accounts per address. */
    RATE_LIMIT_SIGNUP_ADDRESS: rateLimit("20/1h"),
    /** "Ask a human doctor" requests, and answer ratings, per patient session (or address). */
    RATE_LIMIT_FOLLOW_UP: rateLimit("10/1h"),
    RATE_LIMIT_FEEDBACK: rateLimit("60/1h"),
    /** Other /api/v1 calls (listing avatars and escalations, starting conversations) per API key. */
    RATE_LIMIT_API_KEY: rateLimit("300/1m"),
  })
  .superRefine((cfg, ctx) => {
    const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_ORG_SLUG"] as const;
    if (oidc.some((k) => cfg[k]) && !oidc.every((k) => cfg[k])) {
      const missing = oidc.filter((k) => !cfg[k]);
      ctx.addIssue({ code: "custom", path: [missing[0]!], message: `single sign-on needs all of ${oidc.join(", ")} (missing ${missing.join(", ")})` });
    }
    if (cfg.DATABASE_URL && !cfg.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required when DATABASE_URL is set (app servers must share one secret)" });
    }
    if (!cfg.JOBS_IN_PROCESS && !cfg.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["JOBS_IN_PROCESS"], message: "can be false only with DATABASE_URL: the embedded database is single-process, so its jobs run in the app" });
    }
    if (Boolean(cfg.LLM_BASE_URL) !== Boolean(cfg.LLM_MODEL)) {
      ctx.addIssue({ code: "custom", path: [cfg.LLM_BASE_URL ? "LLM_MODEL" : "LLM_BASE_URL"], message: "LLM_BASE_URL and LLM_MODEL must be set together" });
    }
    if (cfg.EMBEDDING_BASE_URL && !cfg.EMBEDDING_MODEL) {
      ctx.addIssue({ code: "custom", path: ["EMBEDDING_MODEL"], message: "is required with EMBEDDING_BASE_URL (the model name at that endpoint)" });
    }
    if (cfg.EMBEDDING_BASE_URL && cfg.EMBEDDING_MODEL_PATH) {
      ctx.addIssue({ code: "custom", path: ["EMBEDDING_MODEL_PATH"], message: "cannot be set together with EMBEDDING_BASE_URL: choose one embedder" });
    }
    if (cfg.EMBEDDING_MODEL && !cfg.EMBEDDING_BASE_URL && !cfg.EMBEDDING_MODEL_PATH) {
      ctx.addIssue({ code: "custom", path: ["EMBEDDING_BASE_URL"], message: "is required with EMBEDDING_MODEL (or set EMBEDDING_MODEL_PATH for a local model)" });
    }
  })
  .transform((cfg) => ({ ...cfg, SEED_DEMO: cfg.SEED_DEMO ?? !cfg.DATABASE_URL }));

export type Config = z.infer<typeof ZConfig>;

/** Parses an environment, throwing one error that names every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ZConfig.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(config)"}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Config | undefined;

/** The process configuration, read and validated once. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

import { Auth, type AuthConfig } from "@auth/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { signUp } from "@/server/accounts/account.service";
import { authConfig, SignInRateLimited } from "@/server/auth/config";
import { answerLockedSignInWith429 } from "@/server/auth/sign-in-lock";
import { parseConfig } from "@/server/env";
import { createTestDatabase } from "@/server/test/db";
import { enforceLimits } from "./rate-limit";
import { signInWithinLimits, signUpLimit } from "./sign-in";

// Read once by the app's config: small limits, and one trusted proxy so the address comes from X-Forwarded-For.
Object.assign(process.env, { RATE_LIMIT_SIGNIN_ACCOUNT: "3/15m", RATE_LIMIT_SIGNIN_ADDRESS: "5/15m", RATE_LIMIT_SIGNUP_ADDRESS: "2/1h", TRUSTED_PROXIES: "1" });

let database: Database;
let authorize: (credentials: Record<string, string>, request: Request) => Promise<unknown>;
let authConfigForRoute: AuthConfig;

beforeAll(async () => {
  database = await createTestDatabase();
  const config = authConfig({ secret: "s".repeat(40), config: parseConfig(process.env), getDb: async () => database.db });
  authorize = (config.providers[0] as unknown as { options: { authorize: typeof authorize } }).options.authorize;
  authConfigForRoute = { ...config, basePath: "/api/auth" } as AuthConfig;
  for (const who of ["ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal"]) await signUp(database.db, { name: who, email: `${who}@test.local`, password: "correct horse", locale: "en" });
});

afterAll(async () => {
  await database?.close();
});

/** One sign-in through Auth.js's credentials check, from an address (as the proxy reports it). */
const signIn = (email: string, password: string, address: string) =>
  authorize({ email, password }, new Request("http://localhost/api/auth/callback/credentials", { headers: { "x-forwarded-for": address } })).then(
    (user) => (user ? "signed in" : "wrong password"),
    (e: unknown) => (e instanceof SignInRateLimited ? `locked ${e.retryAfterSeconds > 800 ? "~15m" : e.retryAfterSeconds}` : Promise.reject(e)),
  );

describe("sign-in limits", () => {
  it("lock an account after its failed attempts, even for the right password, whatever the address", async () => {
    for (let i = 0; i < 3; i++) expect(await signIn("ann@test.local", "wrong guess", `198.51.100.${i}`)).toBe("wrong password");
    expect(await signIn("ANN@test.local", "correct horse", "198.51.100.50")).toBe("locked ~15m");
    expect(await signIn("bob@test.local", "correct horse", "198.51.100.50")).toBe("signed in");
  });

  it("lock an address after its failed attempts on any accounts, and not another address", async () => {
    const accounts = ["cat", "dan", "eve", "fay", "gus"];
    for (const who of accounts) expect(await signIn(`${who}@test.local`, "wrong guess", "203.0.113.5")).toBe("wrong password");
    expect(await signIn("gus@test.local", "correct horse", "203.0.113.5")).toBe("locked ~15m");
    expect(await signIn("gus@test.local", "correct horse", "203.0.113.6")).toBe("signed in");
  });

  it("count only failures, and refuse before the password is checked (no scrypt for a locked account)", async () => {
    for (let i = 0; i < 10; i++) expect(await signIn("bob@test.local", "correct horse", "192.0.2.1")).toBe("signed in");
    let checked = 0;
    const check = async () => {
      checked++;
      return null;
    };
    for (let i = 0; i < 3; i++) await signInWithinLimits(database.db, { email: "nobody@test.local", address: "192.0.2.2" }, check);
    await expect(signInWithinLimits(database.db, { email: "nobody@test.local", address: "192.0.2.2" }, check)).rejects.toThrow(/Too many sign-in attempts.*wait \d+ minutes/);
    expect(checked).toBe(3);
  });
});

describe("the sign-in endpoint (Auth.js's credentials callback, as app/api/auth routes it)", () => {
  const POST = answerLockedSignInWith429((request: Request) => Auth(request, authConfigForRoute));

  /** A form post to the credentials callback with the CSRF token and cookie Auth.js requires, from an address. */
  async function post(email: string, password: string, address: string): Promise<Response> {
    const csrf = await Auth(new Request("http://localhost/api/auth/csrf"), authConfigForRoute);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    return POST(
      new Request("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": address },
        body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/studio" }),
      }),
    );
  }

  it("answers a locked account with 429 and Retry-After, not a redirect; a wrong password still redirects to the sign-in page", async () => {
    const wrong = await post("hal@test.local", "wrong guess", "198.51.100.200");
    expect(wrong.status).toBe(302);
    expect(wrong.headers.get("location")).toContain("/login?error=CredentialsSignin");
    for (let i = 0; i < 2; i++) await post("hal@test.local", "wrong guess", `198.51.100.${201 + i}`);

    const locked = await post("hal@test.local", "correct horse", "198.51.100.210");
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(800);
    expect(locked.headers.get("location")).toBeNull();
    expect(locked.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token"))).toBe(false);
    expect(await locked.json()).toMatchObject({ error: { code: "rate_limited", message: expect.stringMatching(/Too many sign-in attempts/), retryAfter } });
  });
});

describe("sign-up limit", () => {
  it("refuses more new accounts from one address than allowed, naming the wait", async () => {
    for (let i = 0; i < 2; i++) await enforceLimits(database.db, [signUpLimit("192.0.2.9")]);
    await expect(enforceLimits(database.db, [signUpLimit("192.0.2.9")])).rejects.toThrow(/Too many accounts were created from this network.*wait \d+ minutes/);
    await enforceLimits(database.db, [signUpLimit("192.0.2.10")]);
  });
});

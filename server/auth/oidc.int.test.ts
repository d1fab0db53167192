import { type AuthConfig, Auth } from "@auth/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { signUp } from "@/server/accounts/account.service";
import { parseConfig } from "@/server/env";
import { createTestDatabase, createTestOrg } from "@/server/test/db";
import { startOidcServer, type TestOidcUser } from "@/server/test/oidc-server";
import { authConfig } from "./config";
import { linkOidcUser } from "./oidc";

const APP = "http://localhost:3000";
const CLIENT = { clientId: "fenshen", clientSecret: "a-test-client-secret-of-some-length" };
const people: TestOidcUser[] = [
  { sub: "u-1", email: "Li.Ming@Riverside.test", name: "李明 Li Ming" },
  { sub: "u-2", email: "chen@riverside.test", name: "Chen Jing", fenshen_role: "reviewer" },
  { sub: "u-3", email: "existing@riverside.test", name: "Existing Doctor" },
  { sub: "u-4", email: "unverified@riverside.test", name: "Nobody", email_verified: false },
  // A provider that sends no email_verified claim at all vouches for nothing.
  { sub: "u-5", email: "unsaid@riverside.test", name: "Unsaid", email_verified: undefined },
];

let database: Database;
let oidc: Awaited<ReturnType<typeof startOidcServer>>;
let orgId: string;
let config: AuthConfig;

type Jar = Map<string, string>;
function keep(jar: Jar, res: Response) {
  for (const cookie of res.headers.getSetCookie()) {
    const pair = cookie.split(";")[0]!;
    const name = pair.slice(0, pair.indexOf("="));
    const value = pair.slice(pair.indexOf("=") + 1);
    if (value === "" || /max-age=0(;|$)/i.test(cookie)) jar.delete(name);
    else jar.set(name, value);
  }
}
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Calls the Auth.js handler as Next's /api/auth route would, keeping the browser's cookies. */
async function app(jar: Jar, url: string, init: RequestInit = {}) {
  const res = await Auth(new Request(new URL(url, APP), { ...init, headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader(jar) } }), config);
  keep(jar, res);
  return res;
}

/** The browser at the provider: follows redirects and submits the built-in login and consent forms. */
async function throughProvider(start: string, sub: string): Promise<string> {
  const jar: Jar = new Map();
  let url = start;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(APP)) return url;
    const res = await fetch(url, { redirect: "manual", headers: { cookie: cookieHeader(jar) } });
    keep(jar, res);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get("location")!, url).toString();
      continue;
    }
    const html = await res.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (res.status !== 200 || !prompt) throw new Error(`unexpected provider page ${res.status}: ${html.slice(0, 300)}`);
    const action = new URL(/action="([^"]+)"/.exec(html)![1]!, url).toString();
    const submitted = await fetch(action, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: cookieHeader(jar), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(prompt === "login" ? { prompt, login: sub, password: "any" } : { prompt }),
    });
    keep(jar, submitted);
    url = new URL(submitted.headers.get("location")!, action).toString();
  }
  throw new Error("too many redirects at the provider");
}

/** The full authorization-code flow: sign-in button → provider login → callback → session. */
async function signInWithSso(sub: string) {
  const jar: Jar = new Map();
  const { csrfToken } = (await (await app(jar, "/api/auth/csrf")).json()) as { csrfToken: string };
  const start = await app(jar, "/api/auth/signin/oidc", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/studio" }),
  });
  expect(start.headers.get("location")).toContain(`${oidc.issuer}/auth?`);
  const callback = await throughProvider(start.headers.get("location")!, sub);
  const done = await app(jar, callback);
  const session = (await (await app(jar, "/api/auth/session")).json()) as { user?: { id: string; email: string } } | null;
  return { redirect: done.headers.get("location"), session };
}

beforeAll(async () => {
  database = await createTestDatabase();
  orgId = (await createTestOrg(database, ["admin"])).orgId;
  const [org] = await database.db.select().from(organizations).where(eq(organizations.id, orgId));
  oidc = await startOidcServer({ ...CLIENT, redirectUri: `${APP}/api/auth/callback/oidc`, users: people });
  const env = parseConfig({
    OIDC_ISSUER: oidc.issuer,
    OIDC_CLIENT_ID: CLIENT.clientId,
    OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    OIDC_ORG_SLUG: org!.slug,
    OIDC_NAME: "Riverside SSO",
    OIDC_ROLE_CLAIM: "fenshen_role",
  });
  config = { ...authConfig({ secret: "a-test-auth-secret-that-is-long-enough", config: env, getDb: async () => database.db }), basePath: "/api/auth" } as AuthConfig;
});

afterAll(async () => {
  await oidc?.close();
  await database?.close();
});

const membershipOf = async (userId: string) =>
  (await database.db.select().from(memberships).where(eq(memberships.userId, userId))).map((m) => ({ orgId: m.orgId, role: m.role }));

describe("single sign-on through the hospital's OpenID Connect provider", () => {
  it("creates the user on first sign-in, joins the configured organization with the default role, and signs them in", async () => {
    const { redirect, session } = await signInWithSso("u-1");
    expect(redirect).toBe(`${APP}/studio`);
    const [user] = await database.db.select().from(users).where(eq(users.email, "li.ming@riverside.test"));
    expect(user).toMatchObject({ name: "李明 Li Ming", passwordHash: null });
    // The session carries Fenshen's user id, not the provider's subject.
    expect(session?.user?.id).toBe(user!.id);
    expect(await membershipOf(user!.id)).toEqual([{ orgId, role: "doctor" }]);
    // Signing in again finds the same user and adds nothing.
    expect((await signInWithSso("u-1")).session?.user?.id).toBe(user!.id);
    expect(await membershipOf(user!.id)).toHaveLength(1);
  });

  it("takes the role from the configured claim", async () => {
    const { session } = await signInWithSso("u-2");
    expect(await membershipOf(session!.user!.id)).toEqual([{ orgId, role: "reviewer" }]);
  });

  it("never joins an account someone registered with a password under that e-mail, and says why", async () => {
    // Local addresses are not verified: whoever registered this one may not be the provider's person.
    const existing = await signUp(database.db, { name: "Squatter", email: "existing@riverside.test", password: "long-password", locale: "en" });
    const { redirect, session } = await signInWithSso("u-3");
    expect(redirect).toBe(`${APP}/login?error=sso_local_account`);
    expect(session?.user).toBeUndefined();
    expect(await membershipOf(existing.id)).toEqual([{ orgId: existing.orgId, role: "admin" }]);
  });

  it("refuses an address the provider has not verified, or does not say it verified, creating nothing", async () => {
    for (const [sub, email] of [
      ["u-4", "unverified@riverside.test"],
      ["u-5", "unsaid@riverside.test"],
    ]) {
      const { redirect, session } = await signInWithSso(sub!);
      expect(redirect).toBe(`${APP}/login?error=sso_unverified_email`);
      expect(session?.user).toBeUndefined();
      expect(await database.db.select().from(users).where(eq(users.email, email!))).toEqual([]);
    }
  });
});

describe("role claim mapping", () => {
  it("never demotes an organization's last admin through the claim", async () => {
    const { actors, orgId: lone } = await createTestOrg(database, ["admin"]);
    const [org] = await database.db.select().from(organizations).where(eq(organizations.id, lone));
    const [admin] = await database.db.select().from(users).where(eq(users.id, actors.admin.userId));
    await linkOidcUser(database.db, { sub: "x", email: admin!.email, email_verified: true, fenshen_role: "doctor" }, { orgSlug: org!.slug, defaultRole: "doctor", roleClaim: "fenshen_role" });
    expect(await membershipOf(admin!.id)).toEqual([{ orgId: lone, role: "admin" }]);
    await expect(linkOidcUser(database.db, { sub: "y", email: "z@test.local", email_verified: true }, { orgSlug: "no-such-org", defaultRole: "doctor" })).rejects.toThrow(/OIDC_ORG_SLUG/);
  });
});

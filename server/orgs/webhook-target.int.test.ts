import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { departments, organizations } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import { createTestDatabase, createTestOrg } from "@/server/test/db";
import { codeOf, testCaller } from "@/server/test/trpc";
import { appRouter } from "@/server/trpc/root";

// This file runs without the tests' allow-list: an install that allows no internal host.
vi.stubEnv("OUTBOUND_ALLOW", "");

let database: Database;
let org: Awaited<ReturnType<typeof createTestOrg<"admin" | "doctor">>>;
let departmentId = "";

const settings = (webhookUrl: string) => ({ webhookUrl, webhookSecret: "", notifyEmail: "", responseTargetMinutes: 15, extraHotlines: [] });

/** Saves through the real HTTP handler and returns the issues the form receives. */
async function issuesOfSaving(actor: Principal<"staff">, webhookUrl: string) {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request("http://fenshen.test/api/trpc/org.updateCrisisSettings", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: settings(webhookUrl) }),
    }),
    router: appRouter,
    createContext: () => ({ db: database.db, actor, wakeWorker: () => {} }),
  });
  const body = (await response.json()) as { error?: { json: { message: string; data: { zodIssues: unknown } } } };
  return { status: response.status, message: body.error?.json.message, issues: body.error?.json.data.zodIssues };
}

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrg(database, ["admin", "doctor"]);
  const [d] = await database.db.insert(departments).values({ orgId: org.orgId, name: "Cardiology", slug: "cardiology" }).returning();
  departmentId = d!.id;
});
afterAll(() => database.close());

describe("saving a crisis webhook", () => {
  it.each([
    ["http://127.0.0.1:9/", "https"],
    ["https://127.0.0.1:9/", "loopback"],
    ["https://169.254.169.254/latest/meta-data/iam/", "link_local"],
    ["https://[::1]:5432/", "loopback"],
    ["https://[::ffff:127.0.0.1]/", "loopback"],
    ["https://10.0.0.5/", "private"],
    ["https://100.64.1.1/", "private"],
    ["https://localhost:5432/", "loopback"],
    ["https://0.0.0.0/", "reserved"],
    ["https://224.0.0.1/", "reserved"],
  ])("refuses %s (%s) with an error on the field", async (url, reason) => {
    const saved = await issuesOfSaving(org.actors.admin, url);
    expect(saved.status).toBe(400);
    expect(saved.issues).toEqual([{ path: ["webhookUrl"], code: "custom", reason }]);
    expect(saved.message).toMatch(reason === "https" ? /Use an https:\/\/ address/ : /Fenshen sends only to public addresses/);
    const [stored] = await database.db.select({ webhookUrl: organizations.webhookUrl }).from(organizations).where(eq(organizations.id, org.orgId));
    expect(stored!.webhookUrl).toBeNull();
  });

  it("words a malformed URL once, without a second refusal", async () => {
    expect((await issuesOfSaving(org.actors.admin, "not a url")).issues).toEqual([{ path: ["webhookUrl"], code: "invalid_format" }]);
  });

  it("refuses the same targets for a department, and saves a public https address", async () => {
    const admin = testCaller(database.db, org.actors.admin);
    const route = (webhookUrl: string) => admin.routing.updateDepartmentRoute({ departmentId, webhookUrl, webhookSecret: "", notifyEmail: "", responseTargetMinutes: null });
    expect(await codeOf(route("http://10.0.0.5/"))).toBe("BAD_REQUEST");
    expect(await codeOf(route("https://[fd00:ec2::254]/"))).toBe("BAD_REQUEST");
    // An IP literal needs no DNS: a public one is accepted.
    expect(await route("https://93.184.216.34/hooks")).toMatchObject({ webhookUrl: "https://93.184.216.34/hooks" });
    expect(await admin.org.updateCrisisSettings(settings("https://93.184.216.34/crisis"))).toMatchObject({ webhookUrl: "https://93.184.216.34/crisis" });
  });

});

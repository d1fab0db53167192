import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { avatars, memberships, users } from "@/db/schema";
import { authenticate } from "@/server/accounts/account.service";
import { createOfflineEmbedder } from "@/server/knowledge/embed/offline";
import { getPublicOrgPage } from "@/server/orgs/brand.service";
import { createTestDatabase } from "@/server/test/db";
import { DEMO_HOSPITAL_SLUG, seedDemoHospital } from "./hospital";
import { DEMO_ACCOUNTS, DEMO_AVATAR_SLUG, seedDemo } from "./seed";

let database: Database;
const embedder = createOfflineEmbedder();

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, embedder);
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("the demo hospital", () => {
  it("has two departments with published avatars, its brand, and the original demo doctor unchanged", async () => {
    const page = await getPublicOrgPage(database.db, DEMO_HOSPITAL_SLUG);
    expect(page!.brand.description).not.toBe("");
    const named = page!.departments.filter((d) => d.id !== null);
    expect(named.map((d) => d.name)).toEqual(expect.arrayContaining([expect.stringContaining("心内科"), expect.stringContaining("心理科")]));
    const slugs = page!.departments.flatMap((d) => d.avatars.map((a) => a.slug));
    expect(slugs).toEqual(expect.arrayContaining([DEMO_AVATAR_SLUG, "dr-zhao-ming", "dr-chen-jing", "dr-he-miao"]));
    const [linWen] = await database.db.select().from(avatars).where(eq(avatars.slug, DEMO_AVATAR_SLUG));
    expect(linWen!.departmentId).toBeNull();
  });

  it("signs in every demo role with the demo password", async () => {
    for (const email of [DEMO_ACCOUNTS.doctor.email, DEMO_ACCOUNTS.admin.email, "reviewer@fenshen.demo", "oncall@fenshen.demo", "dr.chen@fenshen.demo"]) {
      expect(await authenticate(database.db, email, "fenshen-demo"), email).not.toBeNull();
    }
    const roles = await database.db
      .select({ email: users.email, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId));
    expect(roles).toEqual(expect.arrayContaining([{ email: "reviewer@fenshen.demo", role: "reviewer" }, { email: "oncall@fenshen.demo", role: "on_call" }]));
  });

  it("is idempotent: seeding again adds nothing", async () => {
    const count = async () => (await database.db.select({ id: avatars.id }).from(avatars)).length + (await database.db.select({ id: users.id }).from(users)).length;
    const before = await count();
    expect(await seedDemo(database.db, embedder)).toBe(false);
    await seedDemoHospital(database.db, embedder);
    expect(await count()).toBe(before);
  });
});

import fs from "node:fs";
import { inject } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import type { Principal } from "@/server/principal/principal";
import type { Role } from "@/server/principal/permissions";
import { type AvatarProfile, type TAvatarProfile, ZAvatarProfile } from "@/server/avatars/avatar.schema";
import { createServerTestDatabase } from "./db-server";

let template: Blob | undefined;

/**
 * A fresh, migrated in-memory PGlite: real Postgres with pgvector, one per test file. It starts from
 * the migrated dump the global setup made (server/test/global-setup.ts); migrations still run, so a
 * stale dump could only cost time, never correctness. With TEST_DATABASE_URL, a fresh database on
 * that Postgres server instead (server/test/db-server.ts).
 */
export function createTestDatabase(): Promise<Database> {
  const server = process.env.TEST_DATABASE_URL;
  const serverTemplate = inject("postgresTemplate");
  if (server && serverTemplate) return createServerTestDatabase(server, serverTemplate);
  template ??= new Blob([fs.readFileSync(inject("pgliteTemplatePath"))]);
  return openDatabase({ memory: true, template });
}

/** An organization with one member per requested role, as actors. */
export async function createTestOrg<R extends Role>(database: Database, roles: R[]): Promise<{ orgId: string; actors: Record<R, Principal<"staff">> }> {
  const { db } = database;
  const tag = crypto.randomUUID().slice(0, 8);
  const [org] = await db.insert(organizations).values({ name: `Org ${tag}`, slug: `org-${tag}`, kind: "hospital", region: "US" }).returning();
  const actors = {} as Record<R, Principal<"staff">>;
  for (const role of roles) {
    const [user] = await db.insert(users).values({ email: `${role}-${tag}@test.local`, name: `${role} ${tag}` }).returning();
    await db.insert(memberships).values({ orgId: org!.id, userId: user!.id, role });
    actors[role] = { kind: "staff", userId: user!.id, orgId: org!.id, role };
  }
  return { orgId: org!.id, actors };
}

/** An avatar profile with only a name, for tests that do not care about the persona. */
/** A parsed profile, as the router would pass it on (so invalid overrides throw here). */
export function testAvatarProfile(name: string, overrides: Partial<TAvatarProfile> = {}): AvatarProfile {
  return ZAvatarProfile.parse({ name, title: "", specialty: "", bio: "", greeting: "", language: "en", disclaimer: "", region: "US", ...overrides });
}

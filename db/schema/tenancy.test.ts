import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "./index";

/**
 * Tables without org_id, each for a reason. Everything else is tenant data: it carries org_id, every
 * query filters by it, and a sharded Postgres (Citus) can distribute it by org_id (README: "Past one
 * Postgres"). A new table lands here only with its reason.
 */
const GLOBAL_TABLES: Record<string, string> = {
  organizations: "the tenant itself; distributed by its id, co-located with the org_id tables",
  users: "one identity across organizations (memberships carry org_id); a reference table",
  rate_limit_counters:
    "rate-limit counters keyed by client, address, account or avatar, counted before any organization is known (sign-in, anonymous chat); short-lived, purged hourly; kept on the coordinator",
};

const tables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => value instanceof PgTable)
  .map((table) => getTableConfig(table));

describe("tenancy in the schema", () => {
  it("gives every tenant table an org_id column that cannot be null", () => {
    const missing = tables
      .filter((t) => !(t.name in GLOBAL_TABLES))
      .filter((t) => !t.columns.some((c) => c.name === "org_id" && c.notNull))
      .map((t) => t.name);
    expect(missing).toEqual([]);
  });

  it("lists only global tables that exist", () => {
    const names = new Set(tables.map((t) => t.name));
    expect(Object.keys(GLOBAL_TABLES).filter((name) => !names.has(name))).toEqual([]);
  });
});

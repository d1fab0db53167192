import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id, orgId } from "./columns";
import type { ApiKeyScope } from "./api-key-scopes";
import { organizations } from "./orgs";

export { API_KEY_SCOPES, type ApiKeyScope } from "./api-key-scopes";

/**
 * Organization API keys for server-to-server use. Only the SHA-256 of the key is stored; the prefix
 * (the key's first characters) lets the admin tell keys apart. A revoked key is refused at once.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    scopes: text("scopes").array().$type<ApiKeyScope[]>().notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.hash), index("api_keys_org_idx").on(t.orgId, t.createdAt)],
);

import "server-only";
import type { z } from "zod";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, type ApiKeyScope, users } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { AppError } from "@/server/lib/errors";
import { ZCreateApiKey } from "./api-keys.schema";

/** Keys look like fsk_<random>; the first characters are the prefix the admin sees in the list. */
const KEY_PREFIX = "fsk_";
const SHOWN_PREFIX_CHARS = 12;

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

const listColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  createdByName: users.name,
};

export async function listApiKeys(db: Db, actor: Principal<"staff">) {
  assertCan(actor, "apiKey.manage");
  return db.select(listColumns).from(apiKeys).leftJoin(users, eq(users.id, apiKeys.createdBy)).where(eq(apiKeys.orgId, actor.orgId)).orderBy(desc(apiKeys.createdAt));
}

/** Creates a key; the full key is returned this once and only its SHA-256 is stored. */
export async function createApiKey(db: Db, actor: Principal<"staff">, input: z.output<typeof ZCreateApiKey>) {
  assertCan(actor, "apiKey.manage");
  const { name, scopes } = input;
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const [row] = await db
    .insert(apiKeys)
    .values({ orgId: actor.orgId, name, prefix: key.slice(0, SHOWN_PREFIX_CHARS), hash: hashApiKey(key), scopes, createdBy: actor.userId })
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes, createdAt: apiKeys.createdAt });
  return { ...row!, key };
}

export async function revokeApiKey(db: Db, actor: Principal<"staff">, keyId: string) {
  assertCan(actor, "apiKey.manage");
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.orgId, actor.orgId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, revokedAt: apiKeys.revokedAt });
  if (row) return row;
  const [existing] = await db.select({ id: apiKeys.id, revokedAt: apiKeys.revokedAt }).from(apiKeys).where(and(eq(apiKeys.id, keyId), eq(apiKeys.orgId, actor.orgId)));
  if (!existing) throw new AppError("not_found", "This API key does not exist.");
  return existing;
}

/**
 * Authenticates `Authorization: Bearer <key>` and checks the scope. Every request reads the key's row,
 * so a revoked key is refused from the next request on.
 */
export async function authenticateApiKey(db: Db, authorization: string | null, scope: ApiKeyScope): Promise<Principal<"apiKey">> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) throw new AppError("unauthorized", "Send the organization API key as: Authorization: Bearer fsk_…");
  const [row] = await db
    .select({ id: apiKeys.id, orgId: apiKeys.orgId, scopes: apiKeys.scopes, revokedAt: apiKeys.revokedAt, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(eq(apiKeys.hash, hashApiKey(match[1]!)));
  if (!row) throw new AppError("unauthorized", "This API key is not valid.");
  if (row.revokedAt) throw new AppError("unauthorized", "This API key has been revoked.");
  if (!row.scopes.includes(scope)) throw new AppError("forbidden", `This API key lacks the ${scope} scope.`);
  // Last use is kept to the minute, so a busy key does not write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, row.id));
  }
  return { kind: "apiKey", keyId: row.id, orgId: row.orgId, scopes: row.scopes };
}

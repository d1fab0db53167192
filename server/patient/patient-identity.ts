import { and, eq, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations } from "@/db/schema";
import { AppError } from "@/server/lib/errors";
import type { Principal } from "@/server/principal/principal";

/** Conversations this patient owns: those of their browser session, and those they claimed when signed in. */
export function ownedBy(identity: Principal<"patient">): SQL | undefined {
  const bySession = identity.sessionHash ? eq(conversations.sessionHash, identity.sessionHash) : undefined;
  const byUser = identity.userId ? eq(conversations.userId, identity.userId) : undefined;
  return bySession && byUser ? or(bySession, byUser) : (bySession ?? byUser);
}

/** A patient's own conversation (published avatars only, never a studio preview); anyone else's is not found. */
export async function findOwnedConversation(db: Db, identity: Principal<"patient">, unverifiedId: string) {
  const owner = ownedBy(identity);
  const [row] = owner
    ? await db
        .select({ id: conversations.id, orgId: conversations.orgId, avatarId: conversations.avatarId, avatarVersionId: conversations.avatarVersionId })
        .from(conversations)
        .where(and(eq(conversations.id, unverifiedId), owner))
    : [];
  if (!row?.avatarVersionId) throw new AppError("not_found", "This conversation does not exist or belongs to another session.");
  return { ...row, avatarVersionId: row.avatarVersionId };
}

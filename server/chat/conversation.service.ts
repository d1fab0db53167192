import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, messages } from "@/db/schema";
import { AppError } from "@/server/lib/errors";
import type { ChatTarget } from "./turn-types";

/** Continues the patient's conversation with this avatar, or starts one. Another session's id is not found (sessionHash: see patient-session.ts). */
export async function openConversation(
  db: Db,
  args: { target: ChatTarget; sessionHash: string; unverifiedConversationId?: string; newConversationId?: string; locale: string },
): Promise<string> {
  if (args.unverifiedConversationId) {
    const [row] = await db
      .select({ id: conversations.id })
      .from(conversations)
      .where(
        and(
          eq(conversations.id, args.unverifiedConversationId),
          eq(conversations.avatarId, args.target.avatarId),
          eq(conversations.sessionHash, args.sessionHash),
        ),
      );
    if (!row) throw new AppError("not_found", "This conversation does not exist or belongs to another session.");
    return row.id;
  }
  const [row] = await db
    .insert(conversations)
    .values({
      ...(args.newConversationId ? { id: args.newConversationId } : {}),
      orgId: args.target.orgId,
      avatarId: args.target.avatarId,
      avatarVersionId: args.target.versionId,
      sessionHash: args.sessionHash,
      locale: args.locale,
    })
    .returning({ id: conversations.id });
  return row!.id;
}

/** The patient's earlier messages in a conversation, oldest first, for crisis context across turns. */
export async function recentPatientTurns(db: Db, conversationId: string, count = 6): Promise<string[]> {
  const rows = await db
    .select({ content: messages.content })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.role, "patient")))
    .orderBy(desc(messages.createdAt))
    .limit(count);
  return rows.map((r) => r.content).reverse();
}


import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { followUpRequests, messageFeedback, messages } from "@/db/schema";
import { AppError } from "@/server/lib/errors";
import { findOwnedConversation } from "./patient-identity";
import { parseInput, ZFollowUpRequest, ZRateMessage } from "./patient.schema";
import type { Principal } from "@/server/principal/principal";

/** Rates one avatar answer of the patient's own conversation; rating again replaces the earlier rating. */
export async function rateMessage(db: Db, identity: Principal<"patient">, conversationId: string, input: unknown) {
  const { messageId, rating, comment } = parseInput(ZRateMessage, input);
  const conv = await findOwnedConversation(db, identity, conversationId);
  const [message] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.conversationId, conv.id), eq(messages.role, "avatar"), inArray(messages.kind, ["answer", "no_answer"])));
  if (!message) throw new AppError("not_found", "There is no answer with this id in this conversation.");
  const values = { rating, comment: comment || null };
  const [row] = await db
    .insert(messageFeedback)
    .values({ orgId: conv.orgId, conversationId: conv.id, messageId: message.id, ...values })
    .onConflictDoUpdate({ target: messageFeedback.messageId, set: values })
    .returning({ id: messageFeedback.id, rating: messageFeedback.rating, comment: messageFeedback.comment });
  return row!;
}

/** "Ask a human doctor": records the patient's contact for the doctor's team to follow up on. */
export async function requestFollowUp(db: Db, identity: Principal<"patient">, conversationId: string, input: unknown) {
  const { contact, note } = parseInput(ZFollowUpRequest, input);
  const conv = await findOwnedConversation(db, identity, conversationId);
  const [row] = await db
    .insert(followUpRequests)
    .values({ orgId: conv.orgId, avatarId: conv.avatarId, conversationId: conv.id, contactKind: contact.kind, contact: contact.contact, note: note || null })
    .returning({ id: followUpRequests.id, status: followUpRequests.status, contactKind: followUpRequests.contactKind });
  return row!;
}

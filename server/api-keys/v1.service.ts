import "server-only";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { avatars, avatarVersions, type Citation, escalations } from "@/db/schema";
import { MAX_MESSAGE_CHARS } from "@/server/chat/chat.schema";
import { startChatTurn } from "@/server/chat/chat.service";
import { chatSessionOf } from "@/server/chat/patient-session";
import { getPublishedAvatarCached, publishedChatTarget } from "@/server/chat/published-target";
import { findSessionConversation, openConversation } from "@/server/conversations/store";
import { AppError } from "@/server/lib/errors";
import { admitChatMessage } from "@/server/limits/chat";
import type { Hotline } from "@/server/safety/replies";
import type { Principal } from "@/server/principal/principal";

/**
 * The organization API (/api/v1): what a hospital's own systems may do with an API key. Conversations
 * started through the API belong to the organization's API session, so any of its keys with the scope
 * may continue them, and no patient browser can.
 */
export const ZStartConversation = z.object({ avatar: z.string().trim().min(1, "Name the avatar by its slug, e.g. dr-lin-wen.").max(100) });
export const ZSendMessage = z.object({
  message: z
    .string()
    .trim()
    .min(1, "The message is empty.")
    .max(MAX_MESSAGE_CHARS, `Messages are limited to ${MAX_MESSAGE_CHARS} characters.`),
});

export async function listApiAvatars(db: Db, principal: Principal<"apiKey">) {
  const rows = await db
    .select({ slug: avatars.slug, version: avatarVersions.number, snapshot: avatarVersions.snapshot, publishedAt: avatarVersions.createdAt })
    .from(avatars)
    .innerJoin(avatarVersions, eq(avatarVersions.id, avatars.publishedVersionId))
    .where(and(eq(avatars.orgId, principal.orgId), isNotNull(avatars.publishedVersionId)))
    .orderBy(avatars.slug);
  return rows.map(({ snapshot: s, ...r }) => ({
    ...r,
    name: s.name,
    title: s.title,
    specialty: s.specialty,
    language: s.language,
    languages: s.languages ?? [s.language],
  }));
}

/** Another organization's avatar, or one not published, is not found. */
/** `input` is parsed by the caller (the route, or the OpenAI-compatible endpoint), once. */
export async function startApiConversation(db: Db, principal: Principal<"apiKey">, input: z.infer<typeof ZStartConversation>) {
  const { avatar: slug } = input;
  const published = await getPublishedAvatarCached(db, slug);
  if (published.orgId !== principal.orgId) throw new AppError("not_found", "No published avatar at this address.");
  const conversationId = await openConversation(db, {
    target: publishedChatTarget(published),
    sessionHash: chatSessionOf(principal),
    locale: published.snapshot.language,
  });
  return { conversationId, avatar: slug };
}

/**
 * One turn through the same pipeline as the patient chat (crisis assessment first, escalation in the
 * same transaction, grounded answer), collected into one JSON answer. `onText` sees the answer's text
 * as it streams (the OpenAI-compatible endpoint forwards it).
 */
export async function sendApiMessage(db: Db, principal: Principal<"apiKey">, conversationId: string, input: z.infer<typeof ZSendMessage>, onText?: (delta: string) => void) {
  const { message } = input;
  const conversation = await findSessionConversation(db, { conversationId, orgId: principal.orgId, sessionHash: chatSessionOf(principal) });
  if (!conversation) throw new AppError("not_found", "This conversation does not exist.");
  const assessment = await admitChatMessage(db, { message, client: { id: `api:${principal.keyId}`, address: null }, avatar: conversation.slug });
  const turn = await startChatTurn(db, { request: { slug: conversation.slug, conversationId, message }, asker: principal, assessment });
  let text = "";
  let citations: Citation[] = [];
  let crisis: { category: string; level: string; escalationId: string | null; hotlines: Hotline[] } | null = null;
  let support: { hotlines: Hotline[] } | null = null;
  let screening: { category: string; question: string } | null = null;
  let done: { messageId: string; kind: string } | null = null;
  for await (const event of turn.events) {
    if (event.type === "text") {
      text += event.delta;
      onText?.(event.delta);
    }
    else if (event.type === "citations") citations = event.citations;
    else if (event.type === "crisis") crisis = { category: event.category, level: event.level, escalationId: event.escalationId, hotlines: event.hotlines };
    else if (event.type === "support") {
      support = { hotlines: event.hotlines };
      if (event.screening) screening = { category: event.screening.category, question: event.screening.question };
    }
    else if (event.type === "done") done = { messageId: event.messageId, kind: event.kind };
  }
  if (!done) throw new Error("the chat turn ended without an answer");
  // tier: "crisis" (vetted reply, a person paged), "check_in" (resources shown; `screening` is the question
  // the reply ends with, and the patient's answer decides), or "none".
  const tier: "crisis" | "check_in" | "none" = crisis ? "crisis" : support ? "check_in" : "none";
  return { conversationId, messageId: done.messageId, kind: done.kind, tier, text, citations, crisis, support, screening };
}

export const ZEscalationQuery = z.object({
  status: z.enum(["open", "acknowledged", "resolved"], "status is one of open, acknowledged, resolved.").optional(),
  limit: z.coerce.number().int().min(1, "limit is at least 1.").max(200, "limit is at most 200.").default(50),
});

export async function listApiEscalations(db: Db, principal: Principal<"apiKey">, query: unknown) {
  const { status, limit } = ZEscalationQuery.parse(query);
  return db
    .select({
      id: escalations.id,
      avatar: avatars.slug,
      conversationId: escalations.conversationId,
      category: escalations.category,
      level: escalations.level,
      status: escalations.status,
      createdAt: escalations.createdAt,
      acknowledgedAt: escalations.acknowledgedAt,
      resolvedAt: escalations.resolvedAt,
    })
    .from(escalations)
    .innerJoin(avatars, eq(avatars.id, escalations.avatarId))
    .where(and(eq(escalations.orgId, principal.orgId), status ? eq(escalations.status, status) : undefined))
    .orderBy(desc(escalations.createdAt))
    .limit(limit);
}

import type { Db } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { getAvatarOrThrow, getPublishedAvatarBySlug, snapshotOf } from "@/server/avatars/avatar.service";
import { getConfig } from "@/server/env";
import { kickNotifications } from "@/server/jobs/worker";
import { getEmbedder } from "@/server/knowledge/embed";
import { AppError } from "@/server/lib/errors";
import type { TChatRequest } from "./chat.schema";
import { hashSessionToken, openConversation } from "./conversation.service";
import { type ChatEvent, type ChatTarget, respond } from "./engine";
import { type ChatModel, createChatModel } from "./llm/model";

let chatModel: ChatModel | null | undefined;

/** Who the turn talks to: the published version by slug, or (for the owner's preview) the draft. */
async function resolveTarget(db: Db, request: TChatRequest, actor: Actor | null): Promise<ChatTarget> {
  if (request.slug) {
    const published = await getPublishedAvatarBySlug(db, request.slug);
    return { avatarId: published.avatarId, orgId: published.orgId, versionId: published.versionId, persona: published.snapshot };
  }
  if (!actor) throw new AppError("unauthorized", "Sign in to preview a draft avatar.");
  const avatar = await getAvatarOrThrow(db, actor, request.previewAvatarId!, "read");
  return { avatarId: avatar.id, orgId: avatar.orgId, versionId: null, persona: snapshotOf(avatar) };
}

/** Opens the conversation for this request and returns it with the turn's event stream. */
export async function startChatTurn(
  db: Db,
  args: { request: TChatRequest; actor: Actor | null; patientToken: string },
): Promise<{ conversationId: string; events: AsyncGenerator<ChatEvent> }> {
  const target = await resolveTarget(db, args.request, args.actor);
  // Preview chats belong to the member, not to an anonymous browser session.
  const sessionHash = hashSessionToken(target.versionId ? args.patientToken : `preview:${args.actor!.userId}`);
  const conversationId = await openConversation(db, {
    target,
    sessionHash,
    unverifiedConversationId: args.request.conversationId,
    locale: target.persona.language,
  });
  chatModel ??= createChatModel(getConfig());
  const events = respond({ db, embedder: getEmbedder(), chatModel, onEscalation: kickNotifications }, { target, conversationId, message: args.request.message });
  return { conversationId, events };
}

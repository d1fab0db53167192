import "server-only";
import { randomUUID } from "node:crypto";
import { setImmediate as nextMacrotask } from "node:timers/promises";
import type { Db } from "@/db/client";
import type { Principal } from "@/server/principal/principal";
import { getAvatarOrThrow, snapshotOf } from "@/server/avatars/avatar.service";
import { getConfig } from "@/server/env";
import { kick } from "@/server/jobs/queue";
import { getEmbedder } from "@/server/knowledge/embed";
import { AppError } from "@/server/lib/errors";
import { protocolsForTarget } from "@/server/protocols/protocol.service";
import { continueConversation, emptyTurnContext, openConversation } from "@/server/conversations/store";
import type { MessageAssessment } from "@/server/safety/detect";
import type { TChatRequest } from "./chat.schema";
import { respond } from "./engine";
import { getChatModel } from "@/server/llm/model";
import { chatSessionOf } from "./patient-session";
import { getPublishedAvatarCached, publishedChatTarget } from "./published-target";
import { EMBEDDED_TURN_SLOTS, TurnGate } from "./turn-gate";
import type { ChatEvent, ChatTarget } from "./turn-types";

let turnGate: TurnGate | undefined;

/** Who the turn talks to: the published version by slug, or (for the owner's preview) the draft. */
async function resolveTarget(db: Db, request: TChatRequest, asker: Principal): Promise<ChatTarget> {
  if (request.slug) {
    return publishedChatTarget(await getPublishedAvatarCached(db, request.slug));
  }
  if (asker.kind !== "staff") throw new AppError("unauthorized", "Sign in to preview a draft avatar.");
  const avatar = await getAvatarOrThrow(db, asker, request.previewAvatarId!, "read");
  return {
    avatarId: avatar.id,
    orgId: avatar.orgId,
    versionId: null,
    persona: snapshotOf(avatar),
    protocols: await protocolsForTarget(db, { avatarId: avatar.id, versionId: null }),
    // A crisis typed to test the preview is answered like a patient's, but pages nobody (as in a simulation).
    simulation: true,
  };
}

/**
 * The turn's conversation id and its event stream. The id is known before any database write (a new
 * conversation gets it here), so the route can send it as the stream's first bytes; opening or
 * verifying the conversation is the stream's first step, and a conversation of another session fails
 * the stream with not_found. `asker` is who types: a patient (browser or widget session), an API key, or
 * a member previewing a draft; the turn belongs to their session (chatSessionOf). `assessment` is the
 * message's crisis assessment admitChatMessage made on arrival, which the turn goes on from.
 */
export async function startChatTurn(
  db: Db,
  args: { request: TChatRequest; asker: Principal; assessment: MessageAssessment },
): Promise<{ conversationId: string; target: ChatTarget; events: AsyncGenerator<ChatEvent> }> {
  const target = await resolveTarget(db, args.request, args.asker);
  const session = chatSessionOf(args.asker);
  const existing = args.request.conversationId;
  const conversationId = existing ?? randomUUID();
  const model = getChatModel();
  async function* events(): AsyncGenerator<ChatEvent> {
    turnGate ??= new TurnGate(getConfig().DATABASE_URL ? Infinity : EMBEDDED_TURN_SLOTS);
    yield* gatedTurn(turnGate, async function* (queue) {
      // One macrotask first, so the route's first bytes (the conversation id) go out before any query.
      await nextMacrotask();
      // A continued conversation's owner check reads its context too; a new one has none to read.
      const context = async () =>
        existing
          ? continueConversation(db, { conversationId: existing, avatarId: target.avatarId, sessionHash: session })
          : (await openConversation(db, { target, sessionHash: session, newConversationId: conversationId, locale: target.persona.language }), emptyTurnContext());
      const onEscalation = () => {
        kick("notifications");
        kick("escalations");
      };
      yield* respond({ db, embedder: getEmbedder(), chatModel: model, onEscalation, queue }, { target, conversationId, message: args.request.message, assessment: args.assessment, context });
    });
  }
  return { conversationId, target, events: events() };
}

/**
 * Runs a turn whose engine takes its place in the gate through `queue` (after the crisis assessment,
 * so a crisis turn never waits), and holds the slot until the turn's first event: with a model, its
 * streaming runs outside the gate.
 */
export async function* gatedTurn(gate: TurnGate, turn: (queue: () => Promise<void>) => AsyncGenerator<ChatEvent>): AsyncGenerator<ChatEvent> {
  let release = () => {};
  try {
    for await (const event of turn(async () => {
      release = await gate.acquire();
    })) {
      release();
      yield event;
    }
  } finally {
    release();
  }
}

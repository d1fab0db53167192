import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { avatars, type Citation, conversations, organizations } from "@/db/schema";
import { AppError, toErrorResponse } from "@/server/lib/errors";
import type { ApiKeyScope } from "@/db/schema";
import { readJsonLimited } from "@/server/limits/body";
import { trackInFlight } from "@/server/ops/shutdown";
import { apiHandler } from "./http";
import { ZChatCompletionRequest, type ZChatCompletion, type ZChatCompletionChunk, type ZFenshenExtra, type ZModelList, type ZOpenAiError } from "./openai-compat.schema";
import { listApiAvatars, sendApiMessage, startApiConversation, ZSendMessage } from "./v1.service";
import type { Principal } from "@/server/principal/principal";

/**
 * The OpenAI Chat Completions protocol over the organization API: each published avatar is a model,
 * and a completion is one patient turn through sendApiMessage (the v1 pipeline: crisis assessment
 * first, protocols, retrieval, citations). The conversation lives on the server, so only the last
 * message is read; the conversation id travels in CONVERSATION_HEADER or the body's conversation_id.
 */
export const CONVERSATION_HEADER = "x-fenshen-conversation";

/** An /api/v1 handler (the same key, scope and limit checks) that answers as OpenAI does, errors included. */
export function openAiRoute(scope: ApiKeyScope, handle: (args: { db: Db; principal: Principal<"apiKey">; request: Request }) => Promise<unknown>, options: { chatLimits?: boolean } = {}) {
  const inner = apiHandler<object>(
    scope,
    async (args) => {
      const result = await handle(args);
      return result instanceof Response ? result : Response.json(result);
    },
    options,
  );
  return async (request: Request, context: { params: Promise<object> }): Promise<Response> => {
    const response = await inner(request, context);
    if (response.ok) return response;
    return Response.json(await openAiErrorBody(response), { status: response.status, headers: response.headers });
  };
}

export async function listModels(db: Db, principal: Principal<"apiKey">): Promise<z.input<typeof ZModelList>> {
  const [org] = await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, principal.orgId));
  const published = await listApiAvatars(db, principal);
  return {
    object: "list",
    data: published.map((a) => ({ id: a.slug, object: "model", created: unixSeconds(a.publishedAt), owned_by: org!.slug })),
  };
}

export async function chatCompletion(db: Db, principal: Principal<"apiKey">, request: Request): Promise<Response> {
  const body = ZChatCompletionRequest.parse(await readJsonLimited(request));
  const last = body.messages.at(-1)!;
  if (last.role !== "user") throw new AppError("bad_request", `messages: the last message is the patient's new message and must have role "user", not "${last.role}".`);
  // Checked before a new conversation is opened, so a bad message leaves nothing behind.
  const { message } = ZSendMessage.parse({ message: textOf(last.content) });
  const conversationId = await conversationFor(db, principal, body.model, body.conversation_id, request.headers.get(CONVERSATION_HEADER));
  const id = `chatcmpl-${randomUUID()}`;
  const created = unixSeconds(new Date());
  const headers = { [CONVERSATION_HEADER]: conversationId };

  if (!body.stream) {
    const result = await sendApiMessage(db, principal, conversationId, { message });
    const completion: z.input<typeof ZChatCompletion> = {
      id,
      object: "chat.completion",
      created,
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content: result.text + references(result.citations), refusal: null }, finish_reason: "stop", logprobs: null }],
      fenshen: extraFields(result),
    };
    return Response.json(completion, { headers });
  }

  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  // The turn runs to its end (and is saved) even if the client goes away; only sending stops.
  const send = (data: string) => open && controller.enqueue(encoder.encode(`data: ${data}\n\n`));
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => void (open = false),
  });
  const finish = () => {
    if (open) controller.close();
    open = false;
  };
  const chunk = (delta: { role?: "assistant"; content?: string }, finishReason: "stop" | null = null, fenshen?: z.input<typeof ZFenshenExtra>) => {
    const value: z.input<typeof ZChatCompletionChunk> = { id, object: "chat.completion.chunk", created, model: body.model, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }], ...(fenshen ? { fenshen } : {}) };
    send(JSON.stringify(value));
  };

  chunk({ role: "assistant", content: "" });
  let firstText!: () => void;
  const started = new Promise<void>((resolve) => (firstText = resolve));
  const turn = sendApiMessage(db, principal, conversationId, { message }, (delta) => {
    firstText();
    chunk({ content: delta });
  });
  // The turn outlives a client that goes away (it is saved, a crisis's escalation with it): a shutdown waits for it.
  trackInFlight(turn);
  // Until the answer's first words, a failure is still an HTTP error with its status.
  await Promise.race([started, turn]);
  turn.then(
    (result) => {
      const refs = references(result.citations);
      if (refs) chunk({ content: refs });
      chunk({}, "stop", extraFields(result));
      send("[DONE]");
      finish();
    },
    async (e: unknown) => {
      send(JSON.stringify(await openAiErrorBody(toErrorResponse(e))));
      finish();
    },
  );
  return new Response(stream, { headers: { ...headers, "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-accel-buffering": "no" } });
}

/** A new conversation with the avatar, or the one named (in the body or the header), which must be with it. */
async function conversationFor(db: Db, principal: Principal<"apiKey">, model: string, inBody: string | undefined, inHeader: string | null): Promise<string> {
  const named = inHeader?.trim() || undefined;
  if (inBody && named && inBody !== named) throw new AppError("bad_request", `conversation_id (${inBody}) and the ${CONVERSATION_HEADER} header (${named}) name different conversations.`);
  const conversationId = inBody ?? named;
  if (!conversationId) {
    try {
      return (await startApiConversation(db, principal, { avatar: model })).conversationId;
    } catch (e) {
      if (e instanceof AppError && e.code === "not_found") throw new AppError("not_found", `The model "${model}" is not a published avatar of this organization (GET /api/v1/models lists them).`);
      throw e;
    }
  }
  const [row] = await db
    .select({ slug: avatars.slug })
    .from(conversations)
    .innerJoin(avatars, eq(avatars.id, conversations.avatarId))
    .where(and(eq(conversations.id, conversationId), eq(conversations.orgId, principal.orgId)));
  if (row && row.slug !== model) throw new AppError("bad_request", `Conversation ${conversationId} is with the model "${row.slug}", not "${model}".`);
  // Not found (or another session's) is refused by sendApiMessage itself.
  return conversationId;
}

type TurnResult = Awaited<ReturnType<typeof sendApiMessage>>;

function extraFields(result: TurnResult): z.input<typeof ZFenshenExtra> {
  const { conversationId, messageId, text: _text, ...rest } = result;
  return { conversation_id: conversationId, message_id: messageId, ...rest };
}

/** The sources the answer's [n] markers point to, as numbered lines after it. */
function references(citations: Citation[]): string {
  if (!citations.length) return "";
  const line = (c: Citation) => {
    const where = [c.headingPath.join(" › "), c.page ? `p. ${c.page}` : "", [c.source, c.year].filter(Boolean).join(" ")].filter(Boolean).join(", ");
    return `[${c.index}] ${c.documentTitle}${where ? ` (${where})` : ""}`;
  };
  return `\n\n${citations.map(line).join("\n")}`;
}

const textOf = (content: z.infer<typeof ZChatCompletionRequest>["messages"][number]["content"]) =>
  typeof content === "string" ? content : (content ?? []).map((p) => p.text).join("\n");

const unixSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

const errorTypes: Record<number, string> = { 401: "authentication_error", 403: "permission_error", 429: "rate_limit_error" };

/** Fenshen's `{ error: { code, message } }` answer in OpenAI's error shape. */
export async function openAiErrorBody(response: Response): Promise<z.input<typeof ZOpenAiError>> {
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  const type = errorTypes[response.status] ?? (response.status >= 500 ? "server_error" : "invalid_request_error");
  return { error: { message: error.message, type, param: null, code: error.code } };
}

import { z } from "zod";
import { API_KEY_SCOPES, type ApiKeyScope } from "@/db/schema";
import { ZChatCompletion, ZChatCompletionChunk, ZChatCompletionRequest, ZCitation, ZFenshenExtra, ZModelList, ZOpenAiError } from "./openai-compat.schema";
import { ZEscalationQuery, ZSendMessage, ZStartConversation } from "./v1.service";

// The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the handlers parse with (requests)
// and the shapes they answer (responses, checked against real answers in openapi.int.test.ts).

export const ZApiAvatar = z.object({
  slug: z.string(),
  version: z.number().int().describe("The published version's number."),
  name: z.string(),
  title: z.string(),
  specialty: z.string(),
  language: z.string(),
  languages: z.array(z.string()),
  publishedAt: z.iso.datetime(),
});
export const ZConversationStarted = z.object({ conversationId: z.string(), avatar: z.string() });
export const ZMessageAnswer = z
  .object({
    conversationId: z.string(),
    messageId: z.string(),
    kind: z.string().describe("crisis, answer or no_answer."),
    text: z.string().describe("The answer, with [n] markers pointing into citations."),
  })
  .extend(ZFenshenExtra.pick({ citations: true, crisis: true, support: true }).shape)
  .loose();
export const ZEscalation = z.object({
  id: z.string(),
  avatar: z.string(),
  conversationId: z.string(),
  category: z.string(),
  level: z.string(),
  status: z.enum(["open", "acknowledged", "resolved"]),
  createdAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
});
export const ZApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const data = <T extends z.ZodType>(schema: T) => z.object({ data: schema });

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function components(entries: Record<string, z.ZodType>, io: "input" | "output") {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", io, uri: (id) => ref(id).$ref });
  // Each schema is a component of this document, not a document of its own.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
}

const json = (schema: object) => ({ "application/json": { schema } });
const errors = (shape: "ApiError" | "OpenAiError", codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { description: errorText[code]!, content: json(ref(shape)) }]));
const errorText: Record<number, string> = {
  400: "Bad input; the message names the problem.",
  401: "No key, an unknown key or a revoked key.",
  403: "The key lacks the scope.",
  404: "Not found, or another organization's.",
  429: "Too many requests; Retry-After says when to try again.",
};
const operation = (scope: ApiKeyScope, summary: string, rest: object) => ({
  summary,
  description: `Scope: ${scope}.`,
  security: [{ apiKey: [] }],
  ...rest,
});
const conversationHeader = {
  name: "X-Fenshen-Conversation",
  in: "header",
  required: false,
  description: "Continues this conversation (the same as the body's conversation_id).",
  schema: { type: "string" },
};

export function openApiDocument() {
  const query = ZEscalationQuery.shape;
  return {
    openapi: "3.1.0",
    info: {
      title: "Fenshen organization API",
      version: "1",
      description:
        "An organization's systems talk to its published avatars with an API key (Authorization: Bearer fsk_…), made by an admin at Settings › API keys with scopes " +
        `${API_KEY_SCOPES.join(", ")}. Every message goes through the patient pipeline: crisis assessment first, protocols, retrieval, citations.`,
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An organization API key, fsk_…" } },
      schemas: {
        ...components({ StartConversation: ZStartConversation, SendMessage: ZSendMessage, ChatCompletionRequest: ZChatCompletionRequest }, "input"),
        ...components(
          {
            Citation: ZCitation,
            Avatar: ZApiAvatar,
            AvatarList: data(z.array(ZApiAvatar)),
            ConversationStarted: data(ZConversationStarted),
            MessageAnswer: data(ZMessageAnswer),
            EscalationList: data(z.array(ZEscalation)),
            ApiError: ZApiError,
            FenshenExtra: ZFenshenExtra,
            ChatCompletion: ZChatCompletion,
            ChatCompletionChunk: ZChatCompletionChunk,
            ModelList: ZModelList,
            OpenAiError: ZOpenAiError,
          },
          "output",
        ),
      },
    },
    paths: {
      "/avatars": {
        get: operation("avatars:read", "The organization's published avatars", { responses: { 200: { description: "The avatars.", content: json(ref("AvatarList")) }, ...errors("ApiError", [401, 403, 429]) } }),
      },
      "/conversations": {
        post: operation("conversations:write", "Start a conversation with a published avatar", {
          requestBody: { required: true, content: json(ref("StartConversation")) },
          responses: { 200: { description: "The new conversation.", content: json(ref("ConversationStarted")) }, ...errors("ApiError", [400, 401, 403, 404, 429]) },
        }),
      },
      "/conversations/{conversationId}/messages": {
        post: operation("conversations:write", "Send the patient's message; one turn through the patient pipeline", {
          parameters: [{ name: "conversationId", in: "path", required: true, schema: { type: "string" } }],
          requestBody: { required: true, content: json(ref("SendMessage")) },
          responses: { 200: { description: "The answer.", content: json(ref("MessageAnswer")) }, ...errors("ApiError", [400, 401, 403, 404, 429]) },
        }),
      },
      "/escalations": {
        get: operation("escalations:read", "The organization's escalations, newest first", {
          parameters: Object.entries(query).map(([name, schema]) => ({ name, in: "query", required: false, schema: fieldSchema(schema) })),
          responses: { 200: { description: "The escalations.", content: json(ref("EscalationList")) }, ...errors("ApiError", [400, 401, 403, 429]) },
        }),
      },
      "/models": {
        get: operation("avatars:read", "OpenAI-compatible: the published avatars as models", {
          responses: { 200: { description: "The models.", content: json(ref("ModelList")) }, ...errors("OpenAiError", [401, 403, 429]) },
        }),
      },
      "/chat/completions": {
        post: operation("conversations:write", "OpenAI-compatible chat completion: one patient turn with the avatar named by model", {
          parameters: [conversationHeader],
          requestBody: { required: true, content: json(ref("ChatCompletionRequest")) },
          responses: {
            200: {
              description:
                "The completion (stream false), or server-sent events (stream true): data: <ChatCompletionChunk> per event, then data: [DONE]. The conversation's id is in the X-Fenshen-Conversation header and in fenshen.conversation_id.",
              headers: { "X-Fenshen-Conversation": { description: "The conversation's id.", schema: { type: "string" } } },
              content: { ...json(ref("ChatCompletion")), "text/event-stream": { schema: ref("ChatCompletionChunk") } },
            },
            ...errors("OpenAiError", [400, 401, 403, 404, 429]),
          },
        }),
      },
      "/openapi.json": {
        get: { summary: "This description", security: [], responses: { 200: { description: "The OpenAPI 3.1 document.", content: json({ type: "object" }) } } },
      },
    },
  };
}

/** A query parameter's schema from its zod field, as a string or number in the URL. */
function fieldSchema(schema: z.ZodType) {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
  return rest;
}

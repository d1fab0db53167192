import { z } from "zod";

// The OpenAI-compatible endpoints' shapes; the OpenAPI description (openapi.ts) is generated from them.

const ZTextPart = z.object({ type: z.literal("text"), text: z.string() });

const ZChatMessage = z.object({
  role: z.enum(["system", "developer", "user", "assistant", "tool"], "A message's role is one of system, developer, user, assistant, tool."),
  content: z
    .union([z.string(), z.array(ZTextPart), z.null()], 'A message\'s content is a string or a list of text parts ({ "type": "text", "text": … }); only text is accepted.')
    .optional(),
});

export const ZChatCompletionRequest = z
  .object({
    model: z.string().trim().min(1, "model: name the avatar by its slug (GET /api/v1/models lists them).").max(100).describe("The avatar's slug."),
    messages: z
      .array(ZChatMessage)
      .min(1, "messages: send at least the patient's message.")
      .max(500, "messages: at most 500.")
      .describe("Only the last message (role user) is read: it is the patient's new message. Earlier turns are kept by the server, per conversation."),
    stream: z.boolean().default(false).describe("true: server-sent events of chat.completion.chunk objects, ending with data: [DONE]."),
    conversation_id: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe("Continues this conversation (also accepted as the X-Fenshen-Conversation header). Absent: a new conversation, whose id is returned in that header and in fenshen.conversation_id."),
  })
  .describe("Other OpenAI parameters (temperature, max_tokens, …) are accepted and ignored: the avatar's pipeline decides the answer.");

const ZHotline = z.object({ id: z.string(), label: z.record(z.string(), z.string()), number: z.string(), tel: z.string().nullable(), kind: z.string() });

export const ZCitation = z
  .object({
    index: z.number().int().describe("The [n] marker in the answer's text."),
    passageId: z.string(),
    documentId: z.string(),
    documentTitle: z.string(),
    headingPath: z.array(z.string()),
    page: z.number().int().nullable(),
    excerpt: z.string(),
    source: z.string().nullable().optional(),
    year: z.string().nullable().optional(),
    kind: z.enum(["passage", "curated"]).optional(),
    owner: z.object({ kind: z.enum(["organization", "department"]), name: z.string() }).nullable().optional(),
  });

/** The native message answer's fields (POST /api/v1/conversations/{id}/messages) less its text, carried on the completion. */
export const ZFenshenExtra = z
  .object({
    conversation_id: z.string().describe("Send it back (body conversation_id or X-Fenshen-Conversation) to continue."),
    message_id: z.string(),
    kind: z.string().describe("crisis, answer or no_answer."),
    tier: z.enum(["crisis", "check_in", "none"]).describe("crisis: the vetted crisis reply was given and the organization's people were alerted; check_in: resources were shown; none."),
    citations: z.array(ZCitation),
    crisis: z.object({ category: z.string(), level: z.string(), escalationId: z.string().nullable(), hotlines: z.array(ZHotline) }).nullable(),
    support: z.object({ hotlines: z.array(ZHotline) }).nullable(),
    screening: z
      .object({ category: z.string(), question: z.string() })
      .nullable()
      .describe("At a check-in, the screening question asked in the patient's language; the next message's answer decides."),
  })
  .loose()
  .describe("Fenshen's fields: the conversation, the crisis verdict and the citations.");

export const ZChatCompletion = z.object({
  id: z.string(),
  object: z.literal("chat.completion"),
  created: z.number().int(),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.number().int(),
      message: z.object({ role: z.literal("assistant"), content: z.string().describe("The answer, with [n] markers and the numbered references after it."), refusal: z.null() }),
      finish_reason: z.literal("stop"),
      logprobs: z.null(),
    }),
  ),
  fenshen: ZFenshenExtra,
});

export const ZChatCompletionChunk = z
  .object({
    id: z.string(),
    object: z.literal("chat.completion.chunk"),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        delta: z.object({ role: z.literal("assistant").optional(), content: z.string().optional() }),
        finish_reason: z.literal("stop").nullable(),
        logprobs: z.null(),
      }),
    ),
    fenshen: ZFenshenExtra.optional().describe("On the last chunk (finish_reason stop)."),
  })
  .describe("One server-sent event's data; the stream ends with data: [DONE].");

export const ZModelList = z.object({
  object: z.literal("list"),
  data: z.array(
    z.object({
      id: z.string().describe("The avatar's slug."),
      object: z.literal("model"),
      created: z.number().int().describe("When the published version was published (Unix seconds)."),
      owned_by: z.string().describe("The organization's slug."),
    }),
  ),
});

export const ZOpenAiError = z.object({
  error: z.object({
    message: z.string(),
    type: z.string().describe("invalid_request_error, authentication_error, permission_error, rate_limit_error or server_error."),
    param: z.null(),
    code: z.string().describe("Fenshen's error code (bad_request, unauthorized, forbidden, not_found, …)."),
  }),
});

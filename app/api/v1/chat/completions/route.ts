// POST /api/v1/chat/completions — OpenAI Chat Completions; model = an avatar's slug (scope conversations:write).
import { withRequestIds } from "@/server/http/request-id";
import { chatCompletion, openAiRoute } from "@/server/api-keys/openai-compat";

// sendApiMessage applies the chat limits, which never refuse a crisis message.
export const POST = withRequestIds(openAiRoute("conversations:write", ({ db, principal, request }) => chatCompletion(db, principal, request), { chatLimits: true }));

// POST /api/v1/chat/completions — OpenAI Chat Completions; model = an avatar's slug (scope conversations:write).
import { withRequestIds } from "@/server/http/request-id";
import { chatCompletion, openAiRoute } from "@/server/api-keys/openai-compat";
import { untilAnswered } from "@/server/ops/shutdown";

// sendApiMessage applies the chat limits, which never refuse a crisis message. A shutdown waits for
// the answer, streamed or not (within SHUTDOWN_GRACE_MS), rather than cutting it.
export const POST = withRequestIds(untilAnswered(openAiRoute("conversations:write", ({ db, principal, request }) => chatCompletion(db, principal, request), { chatLimits: true })));

// POST /api/v1/conversations/:id/messages { message } — one turn through the patient pipeline, answered as JSON (scope conversations:write).
import { apiHandler } from "@/server/api-keys/http";
import { readJsonLimited } from "@/server/limits/body";
import { sendApiMessage, ZSendMessage } from "@/server/api-keys/v1.service";
import { withRequestIds } from "@/server/http/request-id";
import { untilAnswered } from "@/server/ops/shutdown";

// A shutdown waits for the turn (within SHUTDOWN_GRACE_MS) rather than cutting it.
export const POST = withRequestIds(
  untilAnswered(
    apiHandler<{ conversationId: string }>(
      "conversations:write",
      async ({ db, principal, request, params }) => sendApiMessage(db, principal, params.conversationId, ZSendMessage.parse(await readJsonLimited(request))),
      { chatLimits: true },
    ),
  ),
);

// GET /api/knowledge/stream — server-sent events telling a signed-in member's document lists that a document's status or progress changed.
import { getCurrentActor } from "@/server/auth/current-actor";
import { getDatabase } from "@/server/db";
import { withRequestIds } from "@/server/http/request-id";
import { DOCUMENT_CHANNEL } from "@/server/jobs/ingest";
import { AppError, toErrorResponse } from "@/server/lib/errors";
import { eventStreamResponse, orgEventStream } from "@/server/http/org-events";

export const GET = withRequestIds(async (request: Request) => {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw new AppError("unauthorized", "Sign in to follow document processing.");
    const database = await getDatabase();
    return eventStreamResponse(orgEventStream(database, { channel: DOCUMENT_CHANNEL, event: "documents", orgId: actor.orgId, signal: request.signal }));
  } catch (e) {
    return toErrorResponse(e);
  }
});

// GET /api/escalations/stream — server-sent events telling a signed-in member's inbox to refresh.
import { getCurrentActor } from "@/server/auth/current-actor";
import { getDatabase } from "@/server/db";
import { withRequestIds } from "@/server/http/request-id";
import { AppError, toErrorResponse } from "@/server/lib/errors";
import { can } from "@/server/principal/permissions";
import { eventStreamResponse } from "@/server/http/org-events";
import { escalationEventStream } from "@/server/safety/escalation.events";

export const GET = withRequestIds(async (request: Request) => {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw new AppError("unauthorized", "Sign in to follow the crisis inbox.");
    if (!can(actor.role, "escalation.read.own")) throw new AppError("forbidden", "Your role does not receive escalations.");
    const database = await getDatabase();
    return eventStreamResponse(escalationEventStream(database, actor.orgId, request.signal));
  } catch (e) {
    return toErrorResponse(e);
  }
});

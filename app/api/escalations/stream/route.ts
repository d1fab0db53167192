// GET /api/escalations/stream — server-sent events telling a signed-in member's inbox to refresh.
import { getCurrentActor } from "@/server/auth/current-actor";
import { getDatabase } from "@/server/db";
import { AppError, toErrorResponse } from "@/server/lib/errors";
import { can } from "@/server/auth/permissions";
import { ESCALATION_CHANNEL } from "@/server/safety/escalation.events";

const HEARTBEAT_MS = 25_000;

export async function GET(request: Request) {
  try {
    const actor = await getCurrentActor();
    if (!actor) throw new AppError("unauthorized", "Sign in to follow the crisis inbox.");
    if (!can(actor.role, "escalation.read.own")) throw new AppError("forbidden", "Your role does not receive escalations.");
    const database = await getDatabase();

    const encoder = new TextEncoder();
    let cleanup = async () => {};
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (text: string) => controller.enqueue(encoder.encode(text));
        // Only the organization id travels on the channel; the client re-reads what it may see.
        const unlisten = await database.listen(ESCALATION_CHANNEL, (orgId) => {
          if (orgId === actor.orgId) send("event: escalations\ndata: changed\n\n");
        });
        const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
        cleanup = async () => {
          clearInterval(heartbeat);
          await unlisten();
        };
        request.signal.addEventListener("abort", () => {
          void cleanup();
          controller.close();
        });
        send("retry: 3000\n\n");
      },
      cancel: () => cleanup(),
    });
    return new Response(stream, {
      headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform", connection: "keep-alive" },
    });
  } catch (e) {
    return toErrorResponse(e);
  }
}

// POST /api/widget/chat — one patient turn from the embedded widget (same pipeline as /api/chat),
// admitted only for Fenshen's own embed page framed by an allowed site, within that site's rate.
import { withRequestIds } from "@/server/http/request-id";
import { trackedResponse } from "@/server/ops/shutdown";
import { readJsonLimited } from "@/server/limits/body";
import { getAuthSecret } from "@/server/auth/secret";
import { startChatTurn } from "@/server/chat/chat.service";
import { chatStreamResponse } from "@/server/chat/ui-stream";
import { getDatabase } from "@/server/db";
import { AppError, toErrorResponse } from "@/server/lib/errors";
import { clientAddress } from "@/server/limits/client";
import { admitWidgetMessage, ZWidgetChatRequest } from "@/server/widget/widget-chat";

export const POST = withRequestIds(async (request: Request) => {
  try {
    const parsed = ZWidgetChatRequest.safeParse(await readJsonLimited(request));
    if (!parsed.success) throw new AppError("bad_request", parsed.error.issues.map((i) => i.message).join(" "), { cause: parsed.error });
    const { db } = await getDatabase();
    const { slug, conversationId, message } = parsed.data;
    const { assessment, patient } = await admitWidgetMessage(db, {
      request: parsed.data,
      origin: request.headers.get("origin"),
      referer: request.headers.get("referer"),
      host: request.headers.get("x-forwarded-host") ?? request.headers.get("host"),
      address: clientAddress(request.headers),
      secret: getAuthSecret(),
    });
    const turn = await startChatTurn(db, { request: { slug, conversationId, message }, asker: patient, assessment });
    return trackedResponse(chatStreamResponse(turn.conversationId, turn.events));
  } catch (e) {
    return toErrorResponse(e);
  }
});

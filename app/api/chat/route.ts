// POST /api/chat — one patient (or preview) turn, streamed as an AI SDK UI message stream.
import { withRequestIds } from "@/server/http/request-id";
import { trackedResponse } from "@/server/ops/shutdown";
import { ZodError } from "zod";
import { readJsonLimited } from "@/server/limits/body";
import { getCurrentActor } from "@/server/auth/current-actor";
import { ZChatRequest } from "@/server/chat/chat.schema";
import { startChatTurn } from "@/server/chat/chat.service";
import { chatStreamResponse } from "@/server/chat/ui-stream";
import { getDatabase } from "@/server/db";
import { AppError, toErrorResponse } from "@/server/lib/errors";
import { chattingPatient } from "@/server/patient/request-identity";
import { admitChatMessage } from "@/server/limits/chat";
import { clientAddress } from "@/server/limits/client";

export const POST = withRequestIds(async (request: Request) => {
  try {
    const parsed = ZChatRequest.safeParse(await readJsonLimited(request));
    if (!parsed.success) throw new AppError("bad_request", parsed.error.issues.map((i) => i.message).join(" "), { cause: parsed.error });
    const { db } = await getDatabase();
    const patient = await chattingPatient();
    const { message, slug, previewAvatarId } = parsed.data;
    const assessment = await admitChatMessage(db, { message, client: { id: patient.sessionHash, address: clientAddress(request.headers) }, avatar: slug ?? `preview:${previewAvatarId}` });
    // A preview is the signed-in member's; a patient's turn needs only the session (claiming it is /me's work).
    const asker = (previewAvatarId ? await getCurrentActor() : null) ?? patient;
    const { conversationId, events } = await startChatTurn(db, { request: parsed.data, asker, assessment });

    return trackedResponse(chatStreamResponse(conversationId, events));
  } catch (e) {
    return toErrorResponse(e instanceof ZodError ? new AppError("bad_request", e.message) : e);
  }
});

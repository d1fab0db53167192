// POST /api/chat — one patient (or preview) turn, streamed as an AI SDK UI message stream.
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { ZodError } from "zod";
import { jsonBody } from "@/server/api-keys/http";
import { getCurrentActor } from "@/server/auth/current-actor";
import { ZChatRequest } from "@/server/chat/chat.schema";
import { startChatTurn } from "@/server/chat/chat.service";
import { chatStreamResponse } from "@/server/chat/ui-stream";
import { getDatabase } from "@/server/db";
import { AppError, toErrorResponse } from "@/server/lib/errors";
import { PATIENT_COOKIE } from "@/server/chat/patient-session";

export async function POST(request: Request) {
  try {
    const parsed = ZChatRequest.safeParse(await jsonBody(request));
    if (!parsed.success) throw new AppError("bad_request", parsed.error.issues.map((i) => i.message).join(" "), { cause: parsed.error });
    const { db } = await getDatabase();
    const jar = await cookies();
    let patientToken = jar.get(PATIENT_COOKIE)?.value;
    if (!patientToken) {
      patientToken = randomBytes(24).toString("base64url");
      jar.set(PATIENT_COOKIE, patientToken, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 3600 });
    }
    const actor = parsed.data.previewAvatarId ? await getCurrentActor() : null;
    const { conversationId, events } = await startChatTurn(db, { request: parsed.data, actor, patientToken });

    return chatStreamResponse(conversationId, events);
  } catch (e) {
    return toErrorResponse(e instanceof ZodError ? new AppError("bad_request", e.message) : e);
  }
}

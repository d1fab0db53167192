// POST /api/chat — one patient (or preview) turn, streamed as an AI SDK UI message stream.
import { randomBytes } from "node:crypto";
import { createUIMessageStream, createUIMessageStreamResponse } from "ai";
import { cookies } from "next/headers";
import { ZodError } from "zod";
import { getCurrentActor } from "@/server/auth/current-actor";
import { ZChatRequest } from "@/server/chat/chat.schema";
import { startChatTurn } from "@/server/chat/chat.service";
import type { FenshenUIMessage } from "@/server/chat/ui-message";
import { getDatabase } from "@/server/db";
import { AppError, toErrorResponse } from "@/server/lib/errors";
import { PATIENT_COOKIE } from "@/server/chat/patient-session";

export async function POST(request: Request) {
  try {
    const body = await request.json().catch(() => {
      throw new AppError("bad_request", "The request body must be JSON.");
    });
    const parsed = ZChatRequest.safeParse(body);
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

    const stream = createUIMessageStream<FenshenUIMessage>({
      async execute({ writer }) {
        writer.write({ type: "data-conversation", data: { conversationId } });
        const textId = "answer";
        let open = false;
        for await (const event of events) {
          if (event.type === "text") {
            if (!open) writer.write({ type: "text-start", id: textId });
            open = true;
            writer.write({ type: "text-delta", id: textId, delta: event.delta });
          } else if (event.type === "done") {
            if (open) writer.write({ type: "text-end", id: textId });
            writer.write({ type: "data-done", data: { messageId: event.messageId, kind: event.kind } });
          } else if (event.type === "crisis") {
            writer.write({ type: "data-crisis", data: { category: event.category, level: event.level, hotlines: event.hotlines } });
          } else if (event.type === "support") {
            writer.write({ type: "data-support", data: { hotlines: event.hotlines } });
          } else {
            writer.write({ type: "data-citations", data: { citations: event.citations } });
          }
        }
      },
      onError: (e) => {
        console.error("[fenshen] chat stream failed", e);
        return "The answer could not be completed. Please try again.";
      },
    });
    return createUIMessageStreamResponse({ stream });
  } catch (e) {
    return toErrorResponse(e instanceof ZodError ? new AppError("bad_request", e.message) : e);
  }
}

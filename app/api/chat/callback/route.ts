// POST /api/chat/callback — a patient in crisis leaves a number to be called back on.
import { cookies } from "next/headers";
import { z } from "zod";
import { readJsonLimited } from "@/server/limits/body";
import { browserSessionOf, PATIENT_COOKIE } from "@/server/chat/patient-session";
import { getDatabase } from "@/server/db";
import { withRequestIds } from "@/server/http/request-id";
import { AppError, toErrorResponse } from "@/server/lib/errors";
import { requestCallback } from "@/server/safety/escalation.service";

const ZCallbackRequest = z.object({
  conversationId: z.string().min(1).max(64),
  phone: z.string().trim().regex(/^\+?[\d\s()-]{5,24}$/, "Enter a phone number using digits, spaces, +, ( ) or -."),
});

export const POST = withRequestIds(async (request: Request) => {
  try {
    const parsed = ZCallbackRequest.safeParse(await readJsonLimited(request));
    if (!parsed.success) throw new AppError("bad_request", parsed.error.issues.map((i) => i.message).join(" "));
    const session = browserSessionOf((await cookies()).get(PATIENT_COOKIE)?.value);
    if (!session) throw new AppError("not_found", "This browser has no conversation to attach a callback to.");
    const { db } = await getDatabase();
    return Response.json(await requestCallback(db, { ...parsed.data, sessionHash: session }));
  } catch (e) {
    return toErrorResponse(e);
  }
});

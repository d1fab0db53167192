// POST /api/conversations/:id/follow-up — "ask a human doctor": the patient leaves a phone or e-mail.
import { readJsonLimited } from "@/server/limits/body";
import { getDatabase } from "@/server/db";
import { withRequestIds } from "@/server/http/request-id";
import { toErrorResponse } from "@/server/lib/errors";
import { clientAddress } from "@/server/limits/client";
import { patientActionLimits } from "@/server/limits/patient";
import { enforceLimits } from "@/server/limits/rate-limit";
import { requestFollowUp } from "@/server/patient/feedback.service";
import { requestPatient } from "@/server/patient/request-identity";

export const POST = withRequestIds(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  try {
    const body = await readJsonLimited(request);
    const [{ id }, identity, { db }] = await Promise.all([params, requestPatient(), getDatabase()]);
    await enforceLimits(db, patientActionLimits("follow-up", identity, clientAddress(request.headers)));
    return Response.json(await requestFollowUp(db, identity, id, body), { status: 201 });
  } catch (e) {
    return toErrorResponse(e);
  }
});

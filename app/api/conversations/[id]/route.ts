// DELETE /api/conversations/:id — the patient who owns it deletes a conversation for good.
import { getDatabase } from "@/server/db";
import { withRequestIds } from "@/server/http/request-id";
import { toErrorResponse } from "@/server/lib/errors";
import { deleteConversation } from "@/server/patient/history.service";
import { requestPatient } from "@/server/patient/request-identity";

export const DELETE = withRequestIds(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  try {
    const [{ id }, identity, { db }] = await Promise.all([params, requestPatient(), getDatabase()]);
    await deleteConversation(db, identity, id);
    return new Response(null, { status: 204 });
  } catch (e) {
    return toErrorResponse(e);
  }
});

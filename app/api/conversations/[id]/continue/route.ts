// GET /api/conversations/:id/continue — from "My conversations": continue a conversation in this browser.
// A signed-in patient may continue on another device: the conversation moves to this browser's session.
import { cookies } from "next/headers";
import { ensureBrowserSession } from "@/server/chat/patient-session";
import { getDatabase } from "@/server/db";
import { withRequestIds } from "@/server/http/request-id";
import { toErrorResponse } from "@/server/lib/errors";
import { moveConversationToSession } from "@/server/patient/history.service";
import { requestPatient } from "@/server/patient/request-identity";

export const GET = withRequestIds(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  try {
    const [{ id }, identity, { db }, jar] = await Promise.all([params, requestPatient(), getDatabase(), cookies()]);
    const { slug, id: conversationId } = await moveConversationToSession(db, { ...identity, sessionHash: ensureBrowserSession(jar) }, id);
    // A relative Location: the browser stays on the host it used (the cookie is scoped to it).
    return new Response(null, { status: 303, headers: { location: `/d/${encodeURIComponent(slug)}?c=${encodeURIComponent(conversationId)}` } });
  } catch (e) {
    return toErrorResponse(e);
  }
});

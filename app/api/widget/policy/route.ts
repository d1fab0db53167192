// GET /api/widget/policy?avatar=<slug> | ?org=<orgSlug> — the frame-ancestors policy of an embed page,
// read by proxy.ts (which cannot open the database itself) to set the embed page's CSP header.
import { connection } from "next/server";
import { getDatabase } from "@/server/db";
import { withRequestIds } from "@/server/http/request-id";
import { toErrorResponse } from "@/server/lib/errors";
import { embedOrgId, frameAncestorsPolicy, getWidgetPolicy } from "@/server/widget/widget.service";

export const GET = withRequestIds(async (request: Request) => {
  await connection();
  try {
    const params = new URL(request.url).searchParams;
    const avatarSlug = params.get("avatar")?.slice(0, 100);
    const orgSlug = params.get("org")?.slice(0, 100);
    const { db } = await getDatabase();
    const orgId = avatarSlug ? await embedOrgId(db, { avatarSlug }) : orgSlug ? await embedOrgId(db, { orgSlug }) : null;
    const policy = orgId ? await getWidgetPolicy(db, orgId) : { allowedOrigins: [] };
    return Response.json({ csp: frameAncestorsPolicy(policy.allowedOrigins) }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return toErrorResponse(e);
  }
});

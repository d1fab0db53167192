// GET /api/v1/escalations?status=open&limit=50 — the organization's escalations, newest first (scope escalations:read).
import { apiHandler } from "@/server/api-keys/http";
import { listApiEscalations } from "@/server/api-keys/v1.service";
import { withRequestIds } from "@/server/http/request-id";

export const GET = withRequestIds(apiHandler("escalations:read", ({ db, principal, request }) =>
  listApiEscalations(db, principal, Object.fromEntries(new URL(request.url).searchParams)),
));

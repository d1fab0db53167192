// GET /api/v1/avatars — the organization's published avatars (scope avatars:read).
import { apiHandler } from "@/server/api-keys/http";
import { listApiAvatars } from "@/server/api-keys/v1.service";
import { withRequestIds } from "@/server/http/request-id";

export const GET = withRequestIds(apiHandler("avatars:read", ({ db, principal }) => listApiAvatars(db, principal)));

// GET /api/v1/openapi.json — the OpenAPI 3.1 description of /api/v1, generated from its zod schemas (no key needed).
import { openApiDocument } from "@/server/api-keys/openapi";
import { withRequestIds } from "@/server/http/request-id";

export const GET = withRequestIds(async () => Response.json(openApiDocument()));

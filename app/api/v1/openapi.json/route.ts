// GET /api/v1/openapi.json — the OpenAPI 3.1 description of /api/v1, generated from its zod schemas (no key needed).
import { openApiDocument } from "@/server/api-keys/openapi";

export const GET = () => Response.json(openApiDocument());

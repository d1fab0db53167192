// GET /api/v1/models — the organization's published avatars as OpenAI models (scope avatars:read).
import { listModels, openAiRoute } from "@/server/api-keys/openai-compat";
import { withRequestIds } from "@/server/http/request-id";

export const GET = withRequestIds(openAiRoute("avatars:read", ({ db, principal }) => listModels(db, principal)));

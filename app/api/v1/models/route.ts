// GET /api/v1/models — the organization's published avatars as OpenAI models (scope avatars:read).
import { listModels, openAiRoute } from "@/server/api-keys/openai-compat";

export const GET = openAiRoute("avatars:read", ({ db, principal }) => listModels(db, principal));

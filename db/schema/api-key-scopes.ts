/** What an organization API key may do; checked on every /api/v1 request. (No Drizzle here: the studio's client code reads it.) */
export const API_KEY_SCOPES = ["avatars:read", "conversations:write", "escalations:read"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

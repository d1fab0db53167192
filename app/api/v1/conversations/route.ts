// POST /api/v1/conversations { avatar: "<slug>" } — starts a conversation (scope conversations:write).
import { apiHandler } from "@/server/api-keys/http";
import { readJsonLimited } from "@/server/limits/body";
import { startApiConversation, ZStartConversation } from "@/server/api-keys/v1.service";
import { withRequestIds } from "@/server/http/request-id";

export const POST = withRequestIds(apiHandler("conversations:write", async ({ db, principal, request }) => startApiConversation(db, principal, ZStartConversation.parse(await readJsonLimited(request)))));

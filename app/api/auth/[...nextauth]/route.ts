import { handlers } from "@/server/auth";
import { answerLockedSignInWith429 } from "@/server/auth/sign-in-lock";
import { withRequestIds } from "@/server/http/request-id";

export const GET = withRequestIds(handlers.GET);
export const POST = withRequestIds(answerLockedSignInWith429(handlers.POST));

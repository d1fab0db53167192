import { handlers } from "@/server/auth";
import { answerLockedSignInWith429 } from "@/server/auth/sign-in-lock";

export const GET = handlers.GET;
export const POST = answerLockedSignInWith429(handlers.POST);

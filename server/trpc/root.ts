import { accountRouter } from "@/server/routers/account.router";
import { avatarRouter } from "@/server/routers/avatar.router";
import { escalationRouter } from "@/server/routers/escalation.router";
import { knowledgeRouter } from "@/server/routers/knowledge.router";
import { orgRouter } from "@/server/routers/org.router";
import { createCallerFactory, createTRPCRouter } from "./init";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  avatar: avatarRouter,
  knowledge: knowledgeRouter,
  escalation: escalationRouter,
  org: orgRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

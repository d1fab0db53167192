import { apiKeysRouter } from "@/server/routers/api-keys.router";
import { widgetRouter } from "@/server/routers/widget.router";
import { conversationLogRouter } from "@/server/routers/conversation-log.router";
import { gapsRouter } from "@/server/routers/gaps.router";
import { versionRouter } from "@/server/routers/version.router";
import { analyticsRouter } from "@/server/routers/analytics.router";
import { avatarRouter } from "@/server/routers/avatar.router";
import { casesRouter } from "@/server/routers/cases.router";
import { corporaRouter } from "@/server/routers/corpora.router";
import { demonstrationRouter } from "@/server/routers/demonstration.router";
import { escalationRouter } from "@/server/routers/escalation.router";
import { followUpRouter } from "@/server/routers/follow-up.router";
import { governanceRouter } from "@/server/routers/governance.router";
import { knowledgeRouter } from "@/server/routers/knowledge.router";
import { orgRouter } from "@/server/routers/org.router";
import { protocolRouter } from "@/server/routers/protocol.router";
import { routingRouter } from "@/server/routers/routing.router";
import { simulationRunRouter } from "@/server/routers/simulation-run.router";
import { createCallerFactory, createTRPCRouter } from "./init";

export const appRouter = createTRPCRouter({
  widget: widgetRouter,
  apiKeys: apiKeysRouter,
  avatar: avatarRouter,
  knowledge: knowledgeRouter,
  corpora: corporaRouter,
  escalation: escalationRouter,
  followUp: followUpRouter,
  org: orgRouter,
  protocol: protocolRouter,
  governance: governanceRouter,
  analytics: analyticsRouter,
  routing: routingRouter,
  cases: casesRouter,
  demonstration: demonstrationRouter,
  version: versionRouter,
  conversationLog: conversationLogRouter,
  gaps: gapsRouter,
  simulationRun: simulationRunRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

import { ZAuditFilter } from "@/server/governance/audit.schema";
import { listAudit } from "@/server/governance/audit";
import { listPublishRequests } from "@/server/governance/approval.service";
import { ZDecidePublishRequest, ZGovernanceSettings, ZListPublishRequests, ZPublishRequestId, ZRequestPublish } from "@/server/governance/governance.schema";
import { getGovernanceSettings, updateGovernanceSettings } from "@/server/governance/governance-settings.service";
import { decidePublishRequest, publishRule, requestPublish, withdrawPublishRequest } from "@/server/publishing/publishing.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const governanceRouter = createTRPCRouter({
  settings: protectedProcedure.query(({ ctx }) => getGovernanceSettings(ctx.db, ctx.actor)),
  updateSettings: protectedProcedure.input(ZGovernanceSettings).mutation(({ ctx, input }) => updateGovernanceSettings(ctx.db, ctx.actor, input)),
  publishRule: protectedProcedure.query(({ ctx }) => publishRule(ctx.db, ctx.actor)),
  requestPublish: protectedProcedure.input(ZRequestPublish).mutation(({ ctx, input }) => requestPublish(ctx.db, ctx.actor, input)),
  publishRequests: protectedProcedure.input(ZListPublishRequests).query(({ ctx, input }) => listPublishRequests(ctx.db, ctx.actor, input)),
  decide: protectedProcedure.input(ZDecidePublishRequest).mutation(({ ctx, input }) => decidePublishRequest(ctx.db, ctx.actor, input)),
  withdraw: protectedProcedure.input(ZPublishRequestId).mutation(({ ctx, input }) => withdrawPublishRequest(ctx.db, ctx.actor, input.requestId)),
  audit: protectedProcedure.input(ZAuditFilter).query(({ ctx, input }) => listAudit(ctx.db, ctx.actor, input)),
});

import { ZApiKeyId, ZCreateApiKey } from "@/server/api-keys/api-keys.schema";
import { createApiKey, listApiKeys, revokeApiKey } from "@/server/api-keys/api-keys.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const apiKeysRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listApiKeys(ctx.db, ctx.actor)),
  create: protectedProcedure.input(ZCreateApiKey).mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.actor, input)),
  revoke: protectedProcedure.input(ZApiKeyId).mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.actor, input.keyId)),
});

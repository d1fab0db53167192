import { ZProtocolCreate, ZProtocolId, ZProtocolList, ZProtocolSetEnabled, ZProtocolUpdate } from "@/server/protocols/protocol.schema";
import {
  createProtocol,
  deleteProtocol,
  getProtocolOrThrow,
  listProtocols,
  setProtocolEnabled,
  updateProtocol,
} from "@/server/protocols/protocol.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

/** Consultation protocols of an avatar; access follows the avatar's (read for listing, edit for changes). */
export const protocolRouter = createTRPCRouter({
  list: protectedProcedure.input(ZProtocolList).query(({ ctx, input }) => listProtocols(ctx.db, ctx.actor, input.avatarId)),
  get: protectedProcedure.input(ZProtocolId).query(({ ctx, input }) => getProtocolOrThrow(ctx.db, ctx.actor, input.protocolId, "read")),
  create: protectedProcedure.input(ZProtocolCreate).mutation(({ ctx, input }) => createProtocol(ctx.db, ctx.actor, input.avatarId, input.protocol)),
  update: protectedProcedure.input(ZProtocolUpdate).mutation(({ ctx, input }) => updateProtocol(ctx.db, ctx.actor, input.protocolId, input.protocol)),
  delete: protectedProcedure.input(ZProtocolId).mutation(({ ctx, input }) => deleteProtocol(ctx.db, ctx.actor, input.protocolId)),
  setEnabled: protectedProcedure
    .input(ZProtocolSetEnabled)
    .mutation(({ ctx, input }) => setProtocolEnabled(ctx.db, ctx.actor, input.protocolId, input.enabled)),
});

import { z } from "zod";
import { ZDepartmentRouteInput, ZOnCallShiftInput, ZShiftRange } from "@/server/orgs/crisis-routing.schema";
import { addOnCallShift, listDepartmentRoutes, listOnCallShifts, onCallNow, removeOnCallShift, updateDepartmentRoute } from "@/server/orgs/crisis-routing.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

/** Crisis routing beyond the organization's defaults: per-department targets and the on-call schedule. */
export const routingRouter = createTRPCRouter({
  departmentRoutes: protectedProcedure.query(({ ctx }) => listDepartmentRoutes(ctx.db, ctx.actor)),
  updateDepartmentRoute: protectedProcedure.input(ZDepartmentRouteInput).mutation(({ ctx, input }) => updateDepartmentRoute(ctx.db, ctx.actor, input)),
  shifts: protectedProcedure.input(ZShiftRange).query(({ ctx, input }) => listOnCallShifts(ctx.db, ctx.actor, input)),
  onCallNow: protectedProcedure.query(({ ctx }) => onCallNow(ctx.db, ctx.actor)),
  addShift: protectedProcedure.input(ZOnCallShiftInput).mutation(({ ctx, input }) => addOnCallShift(ctx.db, ctx.actor, input)),
  removeShift: protectedProcedure.input(z.object({ shiftId: z.string().min(1).max(100) })).mutation(({ ctx, input }) => removeOnCallShift(ctx.db, ctx.actor, input.shiftId)),
});

import { ZWidgetSettingsInput } from "@/server/widget/origins";
import { getWidgetSettings, updateWidgetSettings } from "@/server/widget/widget.service";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const widgetRouter = createTRPCRouter({
  settings: protectedProcedure.query(({ ctx }) => getWidgetSettings(ctx.db, ctx.actor)),
  updateSettings: protectedProcedure.input(ZWidgetSettingsInput).mutation(({ ctx, input }) => updateWidgetSettings(ctx.db, ctx.actor, input)),
});

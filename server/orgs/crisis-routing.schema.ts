import { z } from "zod";
import { CRISIS_LIMITS as L } from "./crisis-settings.limits";
import { refineDestination, ZCrisisSettingsFields } from "./crisis-settings.schema";

const MAX_SHIFT_HOURS = 14 * 24;

export const ZDepartmentRouteInput = ZCrisisSettingsFields.pick({ webhookKind: true, webhookUrl: true, webhookSecret: true, notifyEmail: true })
  .extend({
    departmentId: z.string().min(1).max(100),
    /** null: use the organization's response-time target. */
    responseTargetMinutes: z.number().int().min(L.responseTargetMinutesMin).max(L.responseTargetMinutesMax).nullable(),
  })
  .superRefine(refineDestination);
export type TDepartmentRouteInput = z.infer<typeof ZDepartmentRouteInput>;

export const ZOnCallShiftInput = z
  .object({
    userId: z.string().min(1).max(100),
    /** null: on call for the whole organization. */
    departmentId: z.string().min(1).max(100).nullable(),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
  })
  .refine((s) => s.endsAt > s.startsAt, { message: "A shift must end after it starts.", path: ["endsAt"] })
  .refine((s) => s.endsAt.getTime() - s.startsAt.getTime() <= MAX_SHIFT_HOURS * 3_600_000, {
    message: `A shift can last at most ${MAX_SHIFT_HOURS / 24} days; add another for longer.`,
    path: ["endsAt"],
  });
export type TOnCallShiftInput = z.infer<typeof ZOnCallShiftInput>;

export const ZShiftRange = z
  .object({ from: z.coerce.date(), to: z.coerce.date() })
  .refine((r) => r.to > r.from, { message: "The range must end after it starts.", path: ["to"] });

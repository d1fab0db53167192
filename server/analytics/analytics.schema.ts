import { z } from "zod";

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ZAnalyticsInput = z
  .object({
    /** One avatar, or the whole organization when absent. */
    avatarId: z.string().min(1).max(100).optional(),
    from: z.coerce.date(),
    to: z.coerce.date(),
    /** Days and busiest hours are counted in this time zone (the viewer's). */
    timeZone: z.string().max(64).refine(isTimeZone, "Unknown time zone.").default("UTC"),
  })
  .refine((v) => v.from < v.to, { message: "The period must end after it starts.", path: ["to"] })
  .refine((v) => v.to.getTime() - v.from.getTime() <= 366 * 86_400_000, { message: "Choose a period of at most a year.", path: ["from"] });

export type TAnalyticsInput = z.infer<typeof ZAnalyticsInput>;

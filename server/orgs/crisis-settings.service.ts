import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { type Actor, assertCan } from "@/server/auth/actor";
import { type TCrisisSettingsInput, ZCrisisSettingsInput } from "./crisis-settings.schema";

/** The organization's crisis routing; the webhook secret is never read back, only whether one is set. */
export async function getCrisisSettings(db: Db, actor: Actor) {
  assertCan(actor, "org.manage");
  const [org] = await db.select().from(organizations).where(eq(organizations.id, actor.orgId));
  return {
    webhookUrl: org!.webhookUrl ?? "",
    hasWebhookSecret: Boolean(org!.webhookSecret),
    notifyEmail: org!.notifyEmail ?? "",
    responseTargetMinutes: org!.responseTargetMinutes,
    extraHotlines: org!.extraHotlines,
  };
}

export async function updateCrisisSettings(db: Db, actor: Actor, input: TCrisisSettingsInput) {
  assertCan(actor, "org.manage");
  const values = await ZCrisisSettingsInput.parseAsync(input);
  await db
    .update(organizations)
    .set({
      webhookUrl: values.webhookUrl || null,
      ...(values.webhookSecret ? { webhookSecret: values.webhookSecret } : {}),
      notifyEmail: values.notifyEmail || null,
      responseTargetMinutes: values.responseTargetMinutes,
      extraHotlines: values.extraHotlines,
    })
    .where(eq(organizations.id, actor.orgId));
  return getCrisisSettings(db, actor);
}

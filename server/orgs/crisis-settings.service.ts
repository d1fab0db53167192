import "server-only";
import { eq } from "drizzle-orm";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { organizations } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { AppError } from "@/server/lib/errors";
import { type DestinationKind, SECRET_REQUIRED, TAKES_SECRET } from "./crisis-settings.limits";
import { type TCrisisSettingsInput, ZCrisisSettingsInput } from "./crisis-settings.schema";

/** The organization's crisis routing; the webhook secret is never read back, only whether one is set. */
export async function getCrisisSettings(db: Db, actor: Principal<"staff">) {
  assertCan(actor, "org.manage");
  const [org] = await db.select().from(organizations).where(eq(organizations.id, actor.orgId));
  return {
    webhookKind: org!.webhookKind,
    webhookUrl: org!.webhookUrl ?? "",
    hasWebhookSecret: Boolean(org!.webhookSecret),
    alertPatientText: org!.alertPatientText,
    notifyEmail: org!.notifyEmail ?? "",
    responseTargetMinutes: org!.responseTargetMinutes,
    extraHotlines: org!.extraHotlines,
  };
}

/**
 * The secret to store with a saved destination. An empty input keeps the saved secret, unless the URL
 * is cleared or the destination changed kind (a secret belongs to its platform). DingTalk and Feishu
 * robots refuse unsigned messages, so for them a secret is required; the error is the field's.
 */
export function secretToStore(
  saved: { kind: DestinationKind; secret: string | null } | undefined,
  input: { webhookKind: DestinationKind; webhookUrl: string; webhookSecret: string },
): string | null {
  const kept = saved && saved.kind === input.webhookKind ? saved.secret : null;
  const secret = !input.webhookUrl || !TAKES_SECRET.has(input.webhookKind) ? null : input.webhookSecret || kept;
  if (input.webhookUrl && !secret && SECRET_REQUIRED.has(input.webhookKind)) {
    const message = "This robot signs its messages: paste its signing secret from the robot's security settings.";
    const issue = { code: "custom" as const, path: ["webhookSecret"], message, params: { reason: "required" }, input: input.webhookSecret };
    throw new AppError("bad_request", message, { cause: new ZodError([issue]) });
  }
  return secret;
}

export async function updateCrisisSettings(db: Db, actor: Principal<"staff">, input: TCrisisSettingsInput) {
  assertCan(actor, "org.manage");
  const values = await ZCrisisSettingsInput.parseAsync(input);
  const [saved] = await db.select({ kind: organizations.webhookKind, secret: organizations.webhookSecret }).from(organizations).where(eq(organizations.id, actor.orgId));
  await db
    .update(organizations)
    .set({
      webhookKind: values.webhookKind,
      webhookUrl: values.webhookUrl || null,
      webhookSecret: secretToStore(saved, values),
      alertPatientText: values.alertPatientText,
      notifyEmail: values.notifyEmail || null,
      responseTargetMinutes: values.responseTargetMinutes,
      extraHotlines: values.extraHotlines,
    })
    .where(eq(organizations.id, actor.orgId));
  return getCrisisSettings(db, actor);
}

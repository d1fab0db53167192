import "server-only";
import type { z } from "zod";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { avatars, avatarVersions, DEFAULT_WIDGET_RATE_LIMIT, organizations, widgetSettings } from "@/db/schema";
import { type Principal, assertCan } from "@/server/principal/principal";
import { ZWidgetSettingsInput } from "./origins";

export interface WidgetPolicy {
  allowedOrigins: string[];
  rateLimitPerMinute: number;
}

/** The organization's widget settings, with what the admin needs to write the embed snippet. */
export async function getWidgetSettings(db: Db, actor: Principal<"staff">) {
  assertCan(actor, "widget.manage");
  const [policy, [org], published] = await Promise.all([
    readPolicy(db, actor.orgId),
    db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, actor.orgId)),
    db
      .select({ slug: avatars.slug, name: avatars.name })
      .from(avatars)
      .innerJoin(avatarVersions, eq(avatarVersions.id, avatars.publishedVersionId))
      .where(and(eq(avatars.orgId, actor.orgId), isNotNull(avatars.publishedVersionId)))
      .orderBy(asc(avatars.name)),
  ]);
  return { ...policy, orgSlug: org!.slug, publishedAvatars: published };
}

export async function updateWidgetSettings(db: Db, actor: Principal<"staff">, input: z.output<typeof ZWidgetSettingsInput>) {
  assertCan(actor, "widget.manage");
  const values = input;
  await db
    .insert(widgetSettings)
    .values({ orgId: actor.orgId, ...values })
    .onConflictDoUpdate({ target: widgetSettings.orgId, set: { ...values, updatedAt: new Date() } });
  policyCache.delete(actor.orgId);
  return getWidgetSettings(db, actor);
}

async function readPolicy(db: Db, orgId: string): Promise<WidgetPolicy> {
  const [row] = await db
    .select({ allowedOrigins: widgetSettings.allowedOrigins, rateLimitPerMinute: widgetSettings.rateLimitPerMinute })
    .from(widgetSettings)
    .where(eq(widgetSettings.orgId, orgId));
  return row ?? { allowedOrigins: [], rateLimitPerMinute: DEFAULT_WIDGET_RATE_LIMIT };
}

/** Each widget message checks the policy; a change made on another server process applies within this time. */
const POLICY_TTL_MS = 5_000;
const policyCache = new Map<string, { expires: number; value: Promise<WidgetPolicy> }>();

/** Who may embed an organization's widget and how fast it may chat (public: used by the embed page and API). */
export function getWidgetPolicy(db: Db, orgId: string, now = Date.now()): Promise<WidgetPolicy> {
  const hit = policyCache.get(orgId);
  if (hit && hit.expires > now) return hit.value;
  if (policyCache.size > 10_000) policyCache.clear();
  const value = readPolicy(db, orgId);
  policyCache.set(orgId, { expires: now + POLICY_TTL_MS, value });
  value.catch(() => policyCache.delete(orgId));
  return value;
}

/** The Content-Security-Policy that lets only the allowed origins (and Fenshen itself, for the admin's preview) frame the embed page. */
export function frameAncestorsPolicy(allowedOrigins: readonly string[]): string {
  return `frame-ancestors 'self'${allowedOrigins.map((o) => ` ${o}`).join("")}`;
}

/** The organization an embed URL belongs to: an avatar's (published) or the organization's own slug. */
export async function embedOrgId(db: Db, target: { avatarSlug: string } | { orgSlug: string }): Promise<string | null> {
  if ("avatarSlug" in target) {
    const [row] = await db
      .select({ orgId: avatars.orgId })
      .from(avatars)
      .where(and(eq(avatars.slug, target.avatarSlug), isNotNull(avatars.publishedVersionId)));
    return row?.orgId ?? null;
  }
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, target.orgSlug));
  return row?.id ?? null;
}

import type { Db } from "@/db/client";
import { getPublishedAvatarBySlug, type PublishedAvatar } from "@/server/avatars/avatar.service";

/**
 * Published avatars by slug, cached briefly per process: every patient turn needs the published
 * version, and on the embedded engine each query waits its turn behind every other request's. A new
 * publish reaches patients within TTL_MS (each server process keeps its own cache).
 */
export const PUBLISHED_TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

const caches = new WeakMap<Db, Map<string, { expires: number; value: Promise<PublishedAvatar> }>>();

export function getPublishedAvatarCached(db: Db, slug: string, now = Date.now()): Promise<PublishedAvatar> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(slug);
  if (hit && hit.expires > now) return hit.value;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  // The promise is cached, so concurrent first requests share one query; a failure (unknown slug) is not kept.
  const value = getPublishedAvatarBySlug(db, slug);
  cache.set(slug, { expires: now + PUBLISHED_TTL_MS, value });
  value.catch(() => {
    if (cache.get(slug)?.value === value) cache.delete(slug);
  });
  return value;
}

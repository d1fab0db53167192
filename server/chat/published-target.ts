import type { Db } from "@/db/client";
import { getPublishedAvatarBySlug, type PublishedAvatar } from "@/server/avatars/avatar.service";
import { type ChatProtocol, protocolsForTarget } from "@/server/protocols/protocol.service";
import type { ChatTarget } from "./turn-types";

/**
 * Published avatars by slug with their version's protocols, cached briefly per process: every patient
 * turn needs both before its first byte is sent, and on the embedded engine each query waits its turn
 * behind every other request's. A new publish reaches patients within TTL_MS (each server process
 * keeps its own cache).
 */
export const PUBLISHED_TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

export type PublishedTarget = PublishedAvatar & { protocols: ChatProtocol[] };

const caches = new WeakMap<Db, Map<string, { expires: number; value: Promise<PublishedTarget> }>>();

export function getPublishedAvatarCached(db: Db, slug: string, now = Date.now()): Promise<PublishedTarget> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(slug);
  if (hit && hit.expires > now) return hit.value;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  // The promise is cached, so concurrent first requests share one query; a failure (unknown slug) is not kept.
  const value = getPublishedAvatarBySlug(db, slug).then(async (published) => ({ ...published, protocols: await protocolsForTarget(db, published) }));
  cache.set(slug, { expires: now + PUBLISHED_TTL_MS, value });
  value.catch(() => {
    if (cache.get(slug)?.value === value) cache.delete(slug);
  });
  return value;
}

/** What a patient turn talks to for a published avatar: its version's persona, knowledge set and protocols. */
export function publishedChatTarget(published: PublishedTarget): ChatTarget {
  const { avatarId, orgId, versionId, snapshot: persona, knowledge, protocols } = published;
  return { avatarId, orgId, versionId, persona, knowledge, protocols };
}

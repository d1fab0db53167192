/**
 * The Content-Security-Policy of an embed page, for proxy.ts: it asks the policy route (the proxy
 * does not open the database) and caches the answer briefly. Any failure falls back to letting only
 * Fenshen itself frame the page.
 */
const TTL_MS = 5_000;
const SELF_ONLY = "frame-ancestors 'self'";
const cache = new Map<string, { expires: number; csp: string }>();

export function embedPolicyQuery(pathname: string): string | null {
  const org = /^\/embed\/org\/([^/]+)\/?$/.exec(pathname);
  if (org) return `org=${org[1]}`;
  const avatar = /^\/embed\/([^/]+)\/?$/.exec(pathname);
  return avatar ? `avatar=${avatar[1]}` : null;
}

export async function embedFramePolicy(url: URL): Promise<string> {
  const query = embedPolicyQuery(url.pathname);
  if (!query) return SELF_ONLY;
  const hit = cache.get(query);
  if (hit && hit.expires > Date.now()) return hit.csp;
  try {
    const response = await fetch(new URL(`/api/widget/policy?${query}`, url.origin), { cache: "no-store", signal: AbortSignal.timeout(5_000) });
    const { csp } = (await response.json()) as { csp?: string };
    if (!response.ok || typeof csp !== "string") return SELF_ONLY;
    if (cache.size > 1_000) cache.clear();
    cache.set(query, { expires: Date.now() + TTL_MS, csp });
    return csp;
  } catch {
    return SELF_ONLY;
  }
}

import { signEmbedToken, verifyEmbedToken } from "./embed-token";
import { originOf } from "./origins";
import type { WidgetPolicy } from "./widget.service";

export interface EmbedAccess {
  /** The site the page is framed on, as far as the request tells. */
  origin: string | null;
  allowed: boolean;
  /** For the page's chat requests, when allowed. */
  embedToken: string | null;
}

/**
 * Whether an embed page may serve its chat, and for which site. The embedding site is, in order: a
 * still-valid token the page handed to its own links (the picker's), the Referer of the frame's
 * request when it is another site, or the origin widget.js passed (for host pages that send no
 * Referer). The browser separately refuses to render the page in a frame of any other site
 * (frame-ancestors), so a wrong hint gains nothing a direct visit to the public page would not.
 */
export function embedAccess(args: {
  orgId: string;
  policy: WidgetPolicy;
  referer: string | null;
  originHint: string | null;
  token: string | null;
  host: string | null;
  secret: string;
}): EmbedAccess {
  const claims = args.token ? verifyEmbedToken(args.secret, args.token) : null;
  const referer = originOf(args.referer);
  const fromOtherSite = referer && new URL(referer).host !== args.host ? referer : null;
  const origin = (claims?.orgId === args.orgId ? claims.origin : null) ?? fromOtherSite ?? originOf(args.originHint);
  const allowed = origin !== null && args.policy.allowedOrigins.includes(origin);
  return { origin, allowed, embedToken: allowed ? signEmbedToken(args.secret, { orgId: args.orgId, origin: origin! }) : null };
}

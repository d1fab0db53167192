import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy } from "@/server/http/security-headers";
import { embedFramePolicy } from "@/server/widget/frame-policy";

/** Request header carrying the path, so the studio's sign-in gate can send the doctor back where they were going. */
export const PATHNAME_HEADER = "x-fenshen-pathname";

/** The hospital's single sign-on provider, where the sign-in form's redirect goes (read here: proxy.ts does not load the app's config). */
const ssoOrigin = (() => {
  try {
    return process.env.OIDC_ISSUER ? [new URL(process.env.OIDC_ISSUER).origin] : [];
  } catch {
    return [];
  }
})();

/** Every page gets a CSP with a fresh nonce; the widget's embed pages may be framed only by the sites their organization allows. */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const frameAncestors = pathname.startsWith("/embed/") ? await embedFramePolicy(request.nextUrl) : "frame-ancestors 'none'";
  const csp = contentSecurityPolicy({ nonce, frameAncestors, formActions: ssoOrigin });
  const headers = new Headers(request.headers);
  // Next.js reads the nonce for its own scripts from the request's CSP.
  headers.set("content-security-policy", csp);
  if (pathname.startsWith("/studio")) headers.set(PATHNAME_HEADER, pathname + search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

// Pages only: API routes answer JSON or files, and static assets carry no scripts of their own.
export const config = { matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|widget.js).*)"] };

import { type NextRequest, NextResponse } from "next/server";
import { embedFramePolicy } from "@/server/widget/frame-policy";

/** Request header carrying the path, so the studio's sign-in gate can send the doctor back where they were going. */
export const PATHNAME_HEADER = "x-fenshen-pathname";

export async function proxy(request: NextRequest) {
  // The chat widget's pages may be framed only by the sites its organization allows.
  if (request.nextUrl.pathname.startsWith("/embed/")) {
    const response = NextResponse.next();
    response.headers.set("content-security-policy", await embedFramePolicy(request.nextUrl));
    return response;
  }
  const headers = new Headers(request.headers);
  headers.set(PATHNAME_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/studio/:path*", "/embed/:path*"] };

import { type NextRequest, NextResponse } from "next/server";

/** Request header carrying the path, so the studio's sign-in gate can send the doctor back where they were going. */
export const PATHNAME_HEADER = "x-fenshen-pathname";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PATHNAME_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: "/studio/:path*" };

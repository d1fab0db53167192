// GET /api/orgs/[slug]/logo — the organization's logo; the URL carries ?v=<hash of the bytes>, so it can be cached long.
import { getDatabase } from "@/server/db";
import { withRequestIds } from "@/server/http/request-id";
import { toErrorResponse } from "@/server/lib/errors";
import { getLogo } from "@/server/orgs/brand.service";

export const GET = withRequestIds(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  try {
    const { slug } = await params;
    const { db } = await getDatabase();
    const logo = await getLogo(db, slug.slice(0, 100));
    if (!logo) return new Response("No logo.", { status: 404, headers: { "cache-control": "public, max-age=60" } });
    const etag = `"${logo.version}"`;
    const versioned = new URL(request.url).searchParams.get("v") === logo.version;
    const headers = {
      "content-type": logo.type,
      etag,
      // Only PNG, JPEG and WebP are stored (typed by their bytes); nosniff and a sandbox keep it an image.
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
    };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return new Response(Buffer.from(logo.bytes), { headers });
  } catch (e) {
    return toErrorResponse(e);
  }
});

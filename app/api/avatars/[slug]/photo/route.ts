// GET /api/avatars/[slug]/photo — the avatar's photo; the URL carries ?v=<photo time>, so it can be cached long.
import { getPublicAvatarPhoto } from "@/server/avatars/photo.service";
import { getDatabase } from "@/server/db";
import { withRequestIds } from "@/server/http/request-id";
import { toErrorResponse } from "@/server/lib/errors";

export const GET = withRequestIds(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  try {
    const { slug } = await params;
    const { db } = await getDatabase();
    const photo = await getPublicAvatarPhoto(db, slug.slice(0, 100));
    if (!photo) return new Response("No photo.", { status: 404, headers: { "cache-control": "public, max-age=60" } });
    const etag = `"${photo.updatedAt.getTime()}"`;
    const versioned = new URL(request.url).searchParams.has("v");
    const headers = {
      "content-type": photo.mime,
      etag,
      "x-content-type-options": "nosniff",
      "cache-control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
    };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return new Response(Buffer.from(photo.bytes), { headers });
  } catch (e) {
    return toErrorResponse(e);
  }
});

import type { AvatarSnapshot } from "@/db/schema";
import { cn } from "@/components/ui/cn";

/** The published photo's URL (versioned, so it can be cached long), or null when the doctor set none. */
export function avatarPhotoUrl(slug: string, snapshot: AvatarSnapshot): string | null {
  return snapshot.photoUpdatedAt ? `/api/avatars/${encodeURIComponent(slug)}/photo?v=${encodeURIComponent(snapshot.photoUpdatedAt)}` : null;
}

/** The doctor's photo, or their initial on the brand colour; decorative when the name is shown next to it. */
export function AvatarPhoto({ slug, snapshot, alt, size }: { slug: string; snapshot: AvatarSnapshot; alt: string; size: "sm" | "lg" }) {
  const url = avatarPhotoUrl(slug, snapshot);
  const box = size === "lg" ? "size-20 sm:size-24 text-3xl" : "size-12 text-lg";
  if (url) {
    // eslint-disable-next-line @next/next/no-img-element -- the route already serves a small, cacheable image; next/image would add a server hop
    return <img src={url} alt={alt} width={96} height={96} loading={size === "lg" ? "eager" : "lazy"} decoding="async" className={cn("shrink-0 rounded-full border border-slate-200 bg-slate-100 object-cover", box)} />;
  }
  const initial = Array.from(snapshot.name.replace(/^(dr\.?|doctor)\s+/i, "").trim())[0] ?? "?";
  return (
    <span aria-hidden className={cn("inline-flex shrink-0 items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-800", box)}>
      {initial}
    </span>
  );
}

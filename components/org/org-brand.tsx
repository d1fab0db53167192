import Link from "next/link";
import type { OrgBrand } from "@/server/orgs/brand.service";

/** The logo's address; the version (from the logo's bytes) makes a changed logo bypass caches holding the old one. */
export const logoUrl = (brand: Pick<OrgBrand, "slug" | "logoVersion">) => `/api/orgs/${encodeURIComponent(brand.slug)}/logo${brand.logoVersion ? `?v=${brand.logoVersion}` : ""}`;

/**
 * A hospital's brand band: logo, name and (on its own page) description, white on the brand colour
 * with an accent edge. Colours were checked for contrast with white text when saved.
 */
export function OrgBrandBanner({
  brand,
  as: Heading = "p",
  showDescription = false,
  href,
  logoAlt,
}: {
  brand: Pick<OrgBrand, "name" | "slug" | "description" | "brandColor" | "accentColor" | "hasLogo" | "logoVersion">;
  as?: "h1" | "p";
  showDescription?: boolean;
  /** Links the name to the organization's page (on avatar pages). */
  href?: string;
  logoAlt: string;
}) {
  const name = href ? (
    <Link href={href} className="rounded underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-white">
      {brand.name}
    </Link>
  ) : (
    brand.name
  );
  return (
    <div
      className="flex items-center gap-3 rounded-xl border-b-4 px-4 py-3 text-white sm:gap-4 sm:px-5"
      style={{ backgroundColor: brand.brandColor, borderBottomColor: brand.accentColor }}
      data-testid="org-brand"
      data-brand-color={brand.brandColor}
    >
      {brand.hasLogo ? (
        // eslint-disable-next-line @next/next/no-img-element -- the logo route already serves a small, cached image
        <img src={logoUrl(brand)} alt={logoAlt} className="size-10 shrink-0 rounded-lg bg-white object-contain p-1 sm:size-12" />
      ) : null}
      <div className="min-w-0">
        <Heading className={Heading === "h1" ? "text-xl font-semibold sm:text-2xl" : "font-semibold"}>{name}</Heading>
        {showDescription && brand.description ? <p className="mt-0.5 text-sm text-white">{brand.description}</p> : null}
      </div>
    </div>
  );
}

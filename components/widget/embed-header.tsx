import { logoUrl } from "@/components/org/org-brand";
import type { OrgBrand } from "@/server/orgs/brand.service";

/**
 * The widget frame's header: the hospital's logo, colours and name (a doctor's personal organization
 * has no brand: Fenshen's colours), and the page's heading. Brand colours were checked for contrast
 * with white text when saved.
 */
export function EmbedHeader({ brand, title, subtitle, logoAlt }: { brand: OrgBrand | null; title: string; subtitle?: string; logoAlt: string }) {
  return (
    <header
      className="-mx-4 -mt-3 flex items-center gap-3 border-b-4 bg-brand-700 px-4 py-2.5 text-white"
      style={brand ? { backgroundColor: brand.brandColor, borderBottomColor: brand.accentColor } : undefined}
      data-testid="embed-brand"
      data-brand-color={brand?.brandColor}
    >
      {brand?.hasLogo ? (
        // A plain <img>: the logo route already serves a small, cached image.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={logoUrl(brand)} alt={logoAlt} className="size-9 shrink-0 rounded-md bg-white object-contain p-0.5" />
      ) : null}
      <div className="min-w-0">
        <h1 className="truncate text-base font-semibold">{title}</h1>
        {subtitle ? <p className="truncate text-xs text-white/90">{subtitle}</p> : null}
      </div>
    </header>
  );
}

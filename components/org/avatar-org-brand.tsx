import { getT } from "@/components/i18n/server";
import type { OrgBrand } from "@/server/orgs/brand.service";
import { OrgBrandBanner } from "./org-brand";

/** The hospital's brand above one of its avatars' pages (the page loads it; personal organizations have none). */
export async function AvatarOrgBrand({ brand }: { brand: OrgBrand }) {
  const t = await getT();
  return <OrgBrandBanner brand={brand} href={`/h/${brand.slug}`} logoAlt={t("org.brand.logoAlt", { name: brand.name })} />;
}

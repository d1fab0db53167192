import { getT } from "@/components/i18n/server";
import { getDatabase } from "@/server/db";
import { getHospitalBrandById } from "@/server/orgs/brand.service";
import { OrgBrandBanner } from "./org-brand";

/** The hospital's brand above one of its avatars' pages (nothing for a doctor's personal organization). */
export async function AvatarOrgBrand({ orgId }: { orgId: string }) {
  const [t, brand] = await Promise.all([getT(), getDatabase().then(({ db }) => getHospitalBrandById(db, orgId))]);
  if (!brand) return null;
  return <OrgBrandBanner brand={brand} href={`/h/${brand.slug}`} logoAlt={t("org.brand.logoAlt", { name: brand.name })} />;
}

import type { Metadata } from "next";
import Link from "next/link";
import { getT } from "@/components/i18n/server";
import { BrandForm } from "@/components/org/brand-form";
import { AdminOnlyNotice } from "@/components/studio/settings/admin-only-notice";
import { Card, CardContent } from "@/components/ui/card";
import { getCurrentActor } from "@/server/auth/current-actor";
import { can } from "@/server/principal/permissions";
import { getDatabase } from "@/server/db";
import { getBrand } from "@/server/orgs/brand.service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.brand.title") };
}

export default async function BrandPage() {
  const [t, actor] = await Promise.all([getT(), getCurrentActor()]);
  if (!actor || !can(actor.role, "org.members.manage")) return <AdminOnlyNotice />;
  const brand = await getBrand((await getDatabase()).db, actor);
  return (
    <>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("org.brand.title")}</h1>
        <p className="text-slate-700">{t("org.brand.lead")}</p>
        <p>
          <Link href={`/h/${brand.slug}`} className="text-sm font-medium text-brand-700 underline underline-offset-4">
            {t("org.brand.publicPage")}
          </Link>
        </p>
      </div>
      <Card>
        <CardContent>
          <BrandForm initial={brand} />
        </CardContent>
      </Card>
    </>
  );
}

import { Stethoscope } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AvatarCard } from "@/components/directory/avatar-card";
import { getT } from "@/components/i18n/server";
import { OrgBrandBanner } from "@/components/org/org-brand";
import { EmptyState } from "@/components/ui/empty-state";
import { getDatabase } from "@/server/db";
import { getPublicOrgPage } from "@/server/orgs/brand.service";

type Props = { params: Promise<{ orgSlug: string }> };

const loadOrgPage = cache(async (slug: string) => {
  const page = await getPublicOrgPage((await getDatabase()).db, slug.slice(0, 100));
  if (!page) notFound();
  return page;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { brand } = await loadOrgPage((await params).orgSlug);
  return { title: brand.name, description: brand.description || undefined };
}

/** A hospital's public page: its brand and its published avatars, grouped by department. */
export default async function OrgPublicPage({ params }: Props) {
  const [t, { brand, departments }] = await Promise.all([getT(), params.then((p) => loadOrgPage(p.orgSlug))]);
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-3">
        <OrgBrandBanner brand={brand} as="h1" showDescription logoAlt={t("org.brand.logoAlt", { name: brand.name })} />
        <p className="text-slate-700">{t("org.public.lead")}</p>
      </header>
      {departments.length === 0 ? (
        <EmptyState icon={Stethoscope} title={t("org.public.empty")} />
      ) : (
        departments.map((d) => (
          <section key={d.id ?? "org-wide"} aria-labelledby={`dept-${d.id ?? "org-wide"}`} className="flex flex-col gap-3">
            <div className="flex flex-col gap-0.5 border-l-4 pl-3" style={{ borderLeftColor: brand.accentColor }}>
              <h2 id={`dept-${d.id ?? "org-wide"}`} className="text-lg font-semibold text-slate-900">
                {d.name ?? t("org.public.orgWide")}
              </h2>
              {d.description ? <p className="text-sm text-slate-700">{d.description}</p> : null}
            </div>
            <ul className="grid gap-3 sm:grid-cols-2">
              {d.avatars.map((a) => (
                <li key={a.slug}>
                  <AvatarCard slug={a.slug} snapshot={a.snapshot} orgName={brand.name} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}

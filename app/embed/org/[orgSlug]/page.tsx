import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getT } from "@/components/i18n/server";
import { AvatarPhoto } from "@/components/patient/avatar-photo";
import { EmbedHeader } from "@/components/widget/embed-header";
import { EmbedRefused } from "@/components/widget/embed-refused";
import { getDatabase } from "@/server/db";
import { getPublicOrgPage } from "@/server/orgs/brand.service";
import { embedAccessForRequest } from "@/server/widget/embed-page";

type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ origin?: string; t?: string }> };

const loadOrg = cache(async (slug: string) => {
  const page = await getPublicOrgPage((await getDatabase()).db, slug);
  if (!page) notFound();
  return page;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await loadOrg((await params).orgSlug);
  return { title: page.brand.name, robots: { index: false } };
}

/** The widget's frame for an organization: a picker of its published avatars, by department. */
export default async function EmbedOrgPage({ params, searchParams }: Props) {
  const [{ orgSlug }, search] = await Promise.all([params, searchParams]);
  const { db } = await getDatabase();
  const page = await loadOrg(orgSlug);
  const [t, access] = await Promise.all([getT(), embedAccessForRequest(db, page.brand.id, search)]);
  const avatarCount = page.departments.reduce((n, d) => n + d.avatars.length, 0);
  return (
    <>
      <EmbedHeader brand={page.brand} title={page.brand.name} subtitle={t("widget.picker.title")} logoAlt={t("org.brand.logoAlt", { name: page.brand.name })} />
      {!access.allowed ? (
        <EmbedRefused origin={access.origin} fullPageHref={`/h/${encodeURIComponent(page.brand.slug)}`} />
      ) : avatarCount === 0 ? (
        <p className="text-slate-700">{t("widget.picker.empty")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("widget.picker.lead")}</p>
          {page.departments.map((department) => (
            <section key={department.id ?? "org"} aria-labelledby={`dept-${department.id ?? "org"}`} className="flex flex-col gap-2">
              <h2 id={`dept-${department.id ?? "org"}`} className="text-sm font-semibold text-slate-900">
                {department.name ?? page.brand.name}
              </h2>
              <ul className="flex flex-col gap-2">
                {department.avatars.map((a) => (
                  <li key={a.slug}>
                    <Link
                      href={`/embed/${encodeURIComponent(a.slug)}?org=1&t=${encodeURIComponent(access.embedToken!)}`}
                      className="flex items-center gap-3 rounded-xl border border-slate-200 p-3 hover:border-brand-300 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                    >
                      <AvatarPhoto slug={a.slug} snapshot={a.snapshot} alt="" size="sm" />
                      <span className="min-w-0">
                        <span className="block font-medium text-slate-900">{a.snapshot.name}</span>
                        <span className="block truncate text-sm text-slate-700">{[a.snapshot.title, a.snapshot.specialty].filter(Boolean).join(" · ")}</span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </>
  );
}

import { BookOpen, LifeBuoy, SearchX, Server, UserRound } from "lucide-react";
import Link from "next/link";
import { AvatarCard } from "@/components/directory/avatar-card";
import { DirectorySearch } from "@/components/directory/directory-search";
import { getT } from "@/components/i18n/server";
import type { MessageKey } from "@/server/i18n/messages";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { isLocale } from "@/server/i18n/locales";
import { getDatabase } from "@/server/db";
import { searchDirectory } from "@/server/patient/directory.service";

const PROMISES: { icon: typeof BookOpen; title: MessageKey; body: MessageKey }[] = [
  { icon: BookOpen, title: "landing.grounded.title", body: "landing.grounded.body" },
  { icon: LifeBuoy, title: "landing.crisis.title", body: "landing.crisis.body" },
  { icon: UserRound, title: "landing.doctor.title", body: "landing.doctor.body" },
  { icon: Server, title: "landing.private.title", body: "landing.private.body" },
];

export default async function LandingPage({ searchParams }: { searchParams: Promise<{ q?: string | string[]; lang?: string | string[] }> }) {
  // Request data first: it ends prerendering during `next build` before the database is opened.
  const [t, params] = await Promise.all([getT(), searchParams]);
  const query = typeof params.q === "string" ? params.q.trim().slice(0, 100) : "";
  const language = typeof params.lang === "string" && isLocale(params.lang) ? params.lang : undefined;
  const filtered = Boolean(query || language);
  const { db } = await getDatabase();
  const avatars = await searchDirectory(db, { query: query || undefined, language });

  return (
    <div className="flex flex-col gap-12 sm:gap-16">
      <section aria-labelledby="landing-title" className="flex flex-col gap-4">
        <p className="text-sm font-medium text-brand-700">{t("landing.eyebrow")}</p>
        <h1 id="landing-title" className="max-w-3xl text-3xl leading-tight font-semibold tracking-tight text-slate-900 sm:text-4xl">
          {t("landing.title")}
        </h1>
        <p className="max-w-2xl text-lg leading-relaxed text-slate-700">{t("landing.lead")}</p>
        <div className="flex flex-wrap gap-3 pt-2">
          <Button asChild size="lg">
            <a href="#directory">{t("landing.findDoctor")}</a>
          </Button>
          <Button asChild size="lg" variant="secondary">
            <Link href="/signup">{t("landing.forDoctors")}</Link>
          </Button>
        </div>
      </section>

      <section aria-labelledby="promises-title">
        <h2 id="promises-title" className="sr-only">
          {t("landing.promisesTitle")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {PROMISES.map(({ icon: Icon, title, body }) => (
            <li key={title} className="flex gap-3 rounded-xl border border-slate-200 bg-white p-4">
              <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-brand-700" />
              <div>
                <h3 className="font-semibold text-slate-900">{t(title)}</h3>
                <p className="mt-1 text-sm leading-relaxed text-slate-700">{t(body)}</p>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section id="directory" aria-labelledby="directory-title" className="flex scroll-mt-4 flex-col gap-4">
        <div>
          <h2 id="directory-title" className="text-2xl font-semibold text-slate-900">
            {t("directory.title")}
          </h2>
          <p className="mt-1 text-slate-700">{t("directory.lead")}</p>
        </div>
        <DirectorySearch query={query} language={language} />
        {filtered ? (
          <p role="status" className="flex flex-wrap items-center gap-x-3 text-sm text-slate-700" data-testid="directory-result-count">
            {query ? t("directory.resultCount", { count: avatars.length, query }) : t("directory.resultCountAll", { count: avatars.length })}
            <Link href="/#directory" className="font-medium text-brand-700 underline underline-offset-4">
              {t("directory.clear")}
            </Link>
          </p>
        ) : null}
        {avatars.length > 0 ? (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {avatars.map((a) => (
              <li key={a.slug}>
                <AvatarCard slug={a.slug} snapshot={a.snapshot} orgName={a.orgName} />
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState
            icon={SearchX}
            title={filtered ? t("directory.noMatch.title") : t("directory.empty.title")}
            description={filtered ? t("directory.noMatch.body") : t("directory.empty.body")}
          />
        )}
      </section>
    </div>
  );
}

import { ArrowRight, Building2, Languages } from "lucide-react";
import Link from "next/link";
import type { AvatarSnapshot } from "@/db/schema";
import { getT } from "@/components/i18n/server";
import { AvatarPhoto } from "@/components/patient/avatar-photo";
import { Badge } from "@/components/ui/badge";
import { avatarLanguagesOf, hospitalOf } from "@/server/patient/directory.service";

/** One published avatar in the directory; the whole card is one link to the patient page. */
export async function AvatarCard({ slug, snapshot, orgName }: { slug: string; snapshot: AvatarSnapshot; orgName: string }) {
  const t = await getT();
  return (
    <Link
      href={`/d/${slug}`}
      data-testid="avatar-card"
      className="group flex h-full flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4 shadow-xs transition-colors hover:border-brand-600"
    >
      <div className="flex items-start gap-3">
        <AvatarPhoto slug={slug} snapshot={snapshot} alt="" size="sm" />
        <div className="flex min-w-0 flex-1 flex-col gap-0.5">
          <div className="flex items-start justify-between gap-2">
            <h3 lang={snapshot.language} className="font-semibold text-slate-900 group-hover:text-brand-800">
              {snapshot.name}
            </h3>
            <Badge tone="brand">{t("chat.aiBadge")}</Badge>
          </div>
          {snapshot.title || snapshot.specialty ? (
            <p lang={snapshot.language} className="text-sm text-slate-700">
              {[snapshot.title, snapshot.specialty].filter(Boolean).join(" · ")}
            </p>
          ) : null}
        </div>
      </div>
      <p lang={snapshot.language} className="flex items-center gap-1.5 text-sm text-slate-600">
        <Building2 aria-hidden className="size-4 shrink-0" />
        {hospitalOf(snapshot, orgName)}
      </p>
      <p className="flex items-center gap-1.5 text-sm text-slate-600">
        <Languages aria-hidden className="size-4 shrink-0" />
        <span className="sr-only">{t("directory.languageLabel")}: </span>
        {avatarLanguagesOf(snapshot)
          .map((l) => t(`directory.language.${l}`))
          .join(" · ")}
      </p>
      <span className="mt-auto inline-flex items-center gap-1 pt-2 text-sm font-medium text-brand-700">
        {t("directory.consult")}
        <ArrowRight aria-hidden className="size-4" />
      </span>
    </Link>
  );
}

import { Building2, Languages } from "lucide-react";
import type { AvatarSnapshot } from "@/db/schema";
import { getT } from "@/components/i18n/server";
import { avatarLanguagesOf, hospitalOf } from "@/server/patient/directory.service";
import { AvatarPhoto } from "./avatar-photo";

/** Who the patient is consulting. The persona's own text is marked with its language for screen readers. */
export async function AvatarProfile({ slug, snapshot, orgName }: { slug: string; snapshot: AvatarSnapshot; orgName: string }) {
  const t = await getT();
  const subtitle = [snapshot.title, snapshot.specialty].filter(Boolean).join(" · ");
  const languages = avatarLanguagesOf(snapshot)
    .map((l) => t(`directory.language.${l}`))
    .join(" · ");
  return (
    <div className="flex flex-col gap-3" data-testid="avatar-profile">
      <div className="flex items-start gap-4">
        <AvatarPhoto slug={slug} snapshot={snapshot} alt={t("patient.profile.photoAlt", { name: snapshot.name })} size="lg" />
        <div lang={snapshot.language} className="flex min-w-0 flex-col gap-1">
          <h1 className="text-2xl leading-tight font-semibold tracking-tight text-slate-900 sm:text-3xl">{snapshot.name}</h1>
          {subtitle ? <p className="text-slate-800">{subtitle}</p> : null}
        </div>
      </div>
      <dl className="flex flex-col gap-1 text-sm text-slate-700 sm:flex-row sm:flex-wrap sm:gap-x-5">
        <div className="flex items-center gap-1.5">
          <dt>
            <Building2 aria-hidden className="size-4 shrink-0" />
            <span className="sr-only">{t("patient.profile.hospital")}</span>
          </dt>
          <dd lang={snapshot.language}>{hospitalOf(snapshot, orgName)}</dd>
        </div>
        <div className="flex items-center gap-1.5">
          <dt>
            <Languages aria-hidden className="size-4 shrink-0" />
            <span className="sr-only">{t("directory.languageLabel")}</span>
          </dt>
          <dd>{languages}</dd>
        </div>
      </dl>
      {snapshot.bio ? (
        <p lang={snapshot.language} className="max-w-2xl text-sm leading-relaxed whitespace-pre-line text-slate-700">
          {snapshot.bio}
        </p>
      ) : null}
    </div>
  );
}

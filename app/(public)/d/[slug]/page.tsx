import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Chat } from "@/components/chat/chat";
import { getT } from "@/components/i18n/server";
import { AvatarOrgBrand } from "@/components/org/avatar-org-brand";
import { AiNotice } from "@/components/patient/ai-notice";
import { AvatarProfile } from "@/components/patient/avatar-profile";
import { getPublishedAvatarBySlug } from "@/server/avatars/avatar.service";
import { getHospitalBrandById } from "@/server/orgs/brand.service";
import { getDatabase } from "@/server/db";
import { isAppError } from "@/server/lib/errors";
import { resumeConversation } from "@/server/patient/resume";

type Props = { params: Promise<{ slug: string }> };

/** Shared by the metadata and the page within one request. */
const loadPublishedAvatar = cache(async (slug: string) => {
  const { db } = await getDatabase();
  try {
    return await getPublishedAvatarBySlug(db, slug);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const avatar = await loadPublishedAvatar(slug);
  return { title: avatar.snapshot.name, description: [avatar.snapshot.title, avatar.snapshot.specialty].filter(Boolean).join(" · ") || undefined };
}

export default async function PatientPage({ params, searchParams }: Props & { searchParams: Promise<{ c?: string | string[] }> }) {
  const [{ slug }, { c }] = await Promise.all([params, searchParams]);
  const [t, avatar, { db }] = await Promise.all([getT(), loadPublishedAvatar(slug), getDatabase()]);
  const { snapshot } = avatar;
  const brand = await getHospitalBrandById(db, avatar.orgId);
  // A reload (or a return visit from this browser) continues the latest conversation with this avatar,
  // or the one picked in "My conversations" (?c=).
  const resumed = await resumeConversation(avatar.avatarId, typeof c === "string" ? c.slice(0, 64) : undefined);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-5">
      {brand ? <AvatarOrgBrand brand={brand} /> : null}
      <AvatarProfile slug={avatar.slug} snapshot={snapshot} orgName={avatar.orgName} />
      <AiNotice disclaimer={snapshot.disclaimer} language={snapshot.language} />
      <section aria-labelledby="consultation-title" className="flex flex-col gap-3">
        <h2 id="consultation-title" className="text-lg font-semibold text-slate-900">
          {t("patient.consultation")}
        </h2>
        <Chat
          key={resumed?.id ?? "new"}
          target={{ slug: avatar.slug }}
          avatarName={snapshot.name}
          greeting={snapshot.greeting}
          initialMessages={resumed?.messages}
          initialFeedback={resumed?.feedback}
          suggestedQuestions={snapshot.suggestedQuestions ?? []}
          language={snapshot.language}
        />
      </section>
    </div>
  );
}

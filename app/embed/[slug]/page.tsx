import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getT } from "@/components/i18n/server";
import { AiNotice } from "@/components/patient/ai-notice";
import { EmbedChat } from "@/components/widget/embed-chat";
import { EmbedHeader } from "@/components/widget/embed-header";
import { EmbedRefused } from "@/components/widget/embed-refused";
import { getPublishedAvatarBySlug } from "@/server/avatars/avatar.service";
import { getDatabase } from "@/server/db";
import { isAppError } from "@/server/lib/errors";
import { getHospitalBrandById } from "@/server/orgs/brand.service";
import { embedAccessForRequest } from "@/server/widget/embed-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ origin?: string; t?: string; org?: string }> };

const loadAvatar = cache(async (slug: string) => {
  const { db } = await getDatabase();
  try {
    return await getPublishedAvatarBySlug(db, slug);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const avatar = await loadAvatar((await params).slug);
  return { title: avatar.snapshot.name, robots: { index: false } };
}

/** The widget's frame for one avatar: the hospital's brand, the AI notice and the chat, for allowed sites only. */
export default async function EmbedAvatarPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const { db } = await getDatabase();
  const avatar = await loadAvatar(slug);
  const [t, brand, access] = await Promise.all([getT(), getHospitalBrandById(db, avatar.orgId), embedAccessForRequest(db, avatar.orgId, search)]);
  const { snapshot } = avatar;
  const subtitle = [snapshot.title, brand?.name ?? avatar.orgName].filter(Boolean).join(" · ");
  return (
    <>
      <EmbedHeader brand={brand} title={snapshot.name} subtitle={subtitle} logoAlt={t("org.brand.logoAlt", { name: brand?.name ?? avatar.orgName })} />
      {access.allowed ? (
        <>
          {search.org && brand ? (
            <Link href={`/embed/org/${encodeURIComponent(brand.slug)}?t=${encodeURIComponent(access.embedToken!)}`} className="text-sm font-medium text-brand-700 underline underline-offset-4">
              {t("widget.picker.back")}
            </Link>
          ) : null}
          <AiNotice disclaimer={snapshot.disclaimer} language={snapshot.language} />
          <EmbedChat
            slug={avatar.slug}
            embedToken={access.embedToken!}
            avatarName={snapshot.name}
            greeting={snapshot.greeting}
            suggestedQuestions={snapshot.suggestedQuestions ?? []}
            language={snapshot.language}
          />
        </>
      ) : (
        <EmbedRefused origin={access.origin} fullPageHref={`/d/${encodeURIComponent(avatar.slug)}`} />
      )}
    </>
  );
}

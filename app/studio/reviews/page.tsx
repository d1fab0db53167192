import type { Metadata } from "next";
import { getT } from "@/components/i18n/server";
import { ReviewList } from "@/components/studio/governance/review-list";
import { getCurrentActor } from "@/server/auth/current-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("governance.reviews.title") };
}

/** Reviewers and admins decide here; doctors see the state of their own requests. */
export default async function ReviewsPage() {
  const [t, actor] = await Promise.all([getT(), getCurrentActor()]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("governance.reviews.title")}</h1>
        <p className="text-slate-700">{t("governance.reviews.lead")}</p>
      </div>
      {actor ? <ReviewList currentUserId={actor.userId} /> : null}
    </div>
  );
}

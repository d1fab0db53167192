"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Spinner } from "@/components/ui/spinner";
import { VersionDiffView } from "@/components/studio/versions/version-diff-view";

/** The draft's simulation scorecard, in brief: what the reviewer weighs besides the diff. */
function ScorecardSummary({ avatarId }: { avatarId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const card = useQuery(trpc.simulationRun.scorecard.queryOptions({ avatarId }));
  if (card.isPending) return <Spinner label={t("common.loading")} />;
  if (card.isError) return <p className="text-sm text-crisis-700">{card.error.message}</p>;
  const { aggregate, unrunCrisisCases } = card.data;
  if (aggregate.cases === 0) return <p className="text-sm text-slate-700">{t("governance.review.noRuns")}</p>;
  return (
    <div className="flex flex-col gap-1 text-sm text-slate-900" data-testid="review-scorecard">
      <p>{t("governance.review.score", { score: aggregate.meanScore, cases: aggregate.cases })}</p>
      <p>{t("governance.review.crisis", { escalated: aggregate.crisisEscalated, total: aggregate.crisisCases })}</p>
      {aggregate.failingCrisisCases.length > 0 ? (
        <p className="text-crisis-700">{t("governance.review.failing", { cases: aggregate.failingCrisisCases.join(", ") })}</p>
      ) : null}
      {unrunCrisisCases.length > 0 ? <p className="text-amber-900">{t("governance.review.unrun", { cases: unrunCrisisCases.join(", ") })}</p> : null}
    </div>
  );
}

/** What a reviewer checks before deciding: the requested draft's changes since the live version (what approval publishes), and the scorecard. */
export function ReviewEvidence({ avatarId, requestId }: { avatarId: string; requestId: string }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-3">
      <details className="rounded-lg border border-slate-200 p-3">
        <summary className="cursor-pointer font-medium text-brand-800">{t("governance.review.diff")}</summary>
        <div className="mt-3">
          <VersionDiffView avatarId={avatarId} requestId={requestId} />
        </div>
      </details>
      <details className="rounded-lg border border-slate-200 p-3" open>
        <summary className="cursor-pointer font-medium text-brand-800">{t("governance.review.scorecard")}</summary>
        <div className="mt-3">
          <ScorecardSummary avatarId={avatarId} />
        </div>
      </details>
    </div>
  );
}

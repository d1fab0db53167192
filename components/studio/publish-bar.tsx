"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ExternalLink, Rocket } from "lucide-react";
import Link from "next/link";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { StudioAvatar } from "./studio-avatar";
import { RequestReview } from "./governance/request-review";

/** Publishing freezes the current profile and materials into the version patients talk to. */
export function PublishBar({ avatar }: { avatar: StudioAvatar }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const publish = useMutation(
    trpc.avatar.publish.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.avatar.get.queryKey({ avatarId: avatar.id }) }),
          queryClient.invalidateQueries({ queryKey: trpc.avatar.list.queryKey() }),
          // Publishing ran the test questions.
          queryClient.invalidateQueries({ queryKey: trpc.knowledge.testQuestions.queryKey({ avatarId: avatar.id }) }),
        ]),
    }),
  );
  const rule = useQuery(trpc.governance.publishRule.queryOptions());
  const publicPath = `/d/${avatar.slug}`;
  const needsReview = rule.data?.requirePublishApproval === true;

  return (
    <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-3">
        {needsReview ? null : (
          <Button onClick={() => publish.mutate({ avatarId: avatar.id })} disabled={publish.isPending || rule.isPending}>
            {publish.isPending ? <Spinner /> : <Rocket aria-hidden />}
            {avatar.publishedVersionId ? t("workspace.publish.again") : t("workspace.publish.first")}
          </Button>
        )}
        {avatar.publishedVersionId ? (
          <Link href={publicPath} className="inline-flex items-center gap-1 text-sm font-medium break-all text-brand-700 underline underline-offset-4" data-testid="public-link">
            {t("workspace.publish.publicLink", { path: publicPath })}
            <ExternalLink aria-hidden className="size-4 shrink-0" />
          </Link>
        ) : (
          <p className="text-sm text-slate-700">{t("workspace.publish.hint")}</p>
        )}
      </div>
      {needsReview ? <RequestReview avatarId={avatar.id} /> : null}
      {publish.isSuccess ? (
        <Alert tone="success" role="status" data-testid="publish-result">
          {t("workspace.publish.done", { version: publish.data.number, path: publicPath })}
        </Alert>
      ) : null}
      {publish.isSuccess && publish.data.testRun.regressions.length > 0 ? (
        <Alert tone="warning" data-testid="publish-regressions">
          {t("testq.publish.regressions", { count: publish.data.testRun.regressions.length })}
        </Alert>
      ) : null}
      {publish.isError ? (
        <Alert tone="danger" role="alert">
          {publish.error.message}
        </Alert>
      ) : null}
    </div>
  );
}

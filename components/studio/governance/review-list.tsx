"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, ClipboardCheck, X } from "lucide-react";
import Link from "next/link";
import { useId, useState } from "react";
import { useLocale, useT } from "@/components/i18n/client";
import type { MessageKey } from "@/server/i18n/messages";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { describedBy, Field } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { ReviewEvidence } from "./review-evidence";

type PublishRequest = RouterOutputs["governance"]["publishRequests"][number];

const STATUS_TONE = { pending: "warning", approved: "success", rejected: "danger", withdrawn: "neutral" } as const;

export function RequestStatusBadge({ status }: { status: PublishRequest["status"] }) {
  const t = useT();
  return <Badge tone={STATUS_TONE[status]}>{t(`governance.request.status.${status}` as MessageKey)}</Badge>;
}

/** One pending request: what the doctor said, and the reviewer's decision with a comment. */
function PendingRequest({ request, currentUserId, onDecided }: { request: PublishRequest; currentUserId: string; onDecided: () => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const id = useId();
  const [comment, setComment] = useState("");
  const decide = useMutation(trpc.governance.decide.mutationOptions({ onSuccess: onDecided }));
  const own = request.requestedBy === currentUserId;
  const commentId = `${id}-comment`;
  const error = decide.error?.message;

  return (
    <Card>
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle as="h3">{request.avatarName}</CardTitle>
          <RequestStatusBadge status={request.status} />
        </div>
        <p className="text-sm text-slate-700">
          {t("governance.request.by", { name: request.requesterName || request.requesterEmail, time: new Date(request.createdAt).toLocaleString(locale) })}
        </p>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {request.note ? (
          <div>
            <h4 className="text-sm font-medium text-slate-900">{t("governance.request.note")}</h4>
            <p className="whitespace-pre-wrap text-slate-800">{request.note}</p>
          </div>
        ) : null}
        <ReviewEvidence avatarId={request.avatarId} requestId={request.id} />
        <Link href={`/studio/avatars/${request.avatarId}`} className="self-start text-sm font-medium text-brand-800 underline underline-offset-2">
          {t("governance.request.openAvatar")}
        </Link>
        {own ? (
          <Alert tone="info">{t("governance.request.own")}</Alert>
        ) : (
          <form
            className="flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
              decide.mutate({ requestId: request.id, decision: submitter?.value === "reject" ? "reject" : "approve", comment });
            }}
          >
            <Field label={t("governance.request.comment")} htmlFor={commentId} hint={t("governance.request.commentHint")} error={error}>
              <Textarea
                id={commentId}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                rows={3}
                maxLength={2000}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(commentId, { hint: true, error: Boolean(error) })}
              />
            </Field>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" name="decision" value="approve" disabled={decide.isPending}>
                <Check aria-hidden />
                {t("governance.request.approve")}
              </Button>
              <Button type="submit" name="decision" value="reject" variant="secondary" disabled={decide.isPending}>
                <X aria-hidden />
                {t("governance.request.reject")}
              </Button>
            </div>
          </form>
        )}
      </CardContent>
    </Card>
  );
}

/** Publish requests of the organization: pending ones to decide, then the history. */
export function ReviewList({ currentUserId }: { currentUserId: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const requests = useQuery(trpc.governance.publishRequests.queryOptions({}));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.governance.publishRequests.queryKey() });

  if (requests.isPending) return <Spinner label={t("common.loading")} />;
  if (requests.isError) return <Alert tone="danger" role="alert">{requests.error.message}</Alert>;
  const pending = requests.data.filter((r) => r.status === "pending");
  const decided = requests.data.filter((r) => r.status !== "pending");

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="reviews-pending" className="flex flex-col gap-3">
        <h2 id="reviews-pending" className="text-lg font-semibold text-slate-900">
          {t("governance.reviews.pending")}
        </h2>
        {pending.length === 0 ? (
          <EmptyState icon={ClipboardCheck} title={t("governance.reviews.empty.title")} description={t("governance.reviews.empty.body")} />
        ) : (
          <ul className="flex flex-col gap-3">
            {pending.map((r) => (
              <li key={r.id}>
                <PendingRequest request={r} currentUserId={currentUserId} onDecided={refresh} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {decided.length > 0 ? (
        <section aria-labelledby="reviews-decided" className="flex flex-col gap-3">
          <h2 id="reviews-decided" className="text-lg font-semibold text-slate-900">
            {t("governance.reviews.decided")}
          </h2>
          <ul className="flex flex-col divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {decided.map((r) => (
              <li key={r.id} className="flex flex-col gap-1 px-4 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{r.avatarName}</span>
                  <RequestStatusBadge status={r.status} />
                  <span className="text-sm text-slate-600">{new Date(r.decidedAt ?? r.createdAt).toLocaleString(locale)}</span>
                </div>
                {r.reviewerEmail ? <p className="text-sm text-slate-700">{t("governance.request.decidedBy", { name: r.reviewerEmail })}</p> : null}
                {r.reviewComment ? <p className="whitespace-pre-wrap text-sm text-slate-800">{r.reviewComment}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

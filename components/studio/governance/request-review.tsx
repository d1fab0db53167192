"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { useId, useState } from "react";
import { useLocale, useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";

/** Where publishing needs approval: ask for a review, see it pending, or read why it was rejected. */
export function RequestReview({ avatarId }: { avatarId: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [note, setNote] = useState("");
  const requests = useQuery(trpc.governance.publishRequests.queryOptions({ avatarId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.governance.publishRequests.queryKey() });
  const request = useMutation(trpc.governance.requestPublish.mutationOptions({ onSuccess: refresh }));
  const withdraw = useMutation(trpc.governance.withdraw.mutationOptions({ onSuccess: refresh }));

  if (requests.isPending) return <Spinner label={t("common.loading")} />;
  const latest = requests.data?.[0];
  const pending = latest?.status === "pending" ? latest : null;

  return (
    <div className="flex flex-col gap-3" data-testid="request-review">
      <p className="text-sm text-slate-700">{t("governance.publish.required")}</p>
      {latest?.status === "rejected" && latest.reviewComment ? (
        <Alert tone="warning">{t("governance.publish.rejected", { comment: latest.reviewComment })}</Alert>
      ) : null}
      {pending ? (
        <div className="flex flex-wrap items-center gap-3">
          <Alert tone="info" role="status" className="grow">
            {t("governance.publish.pending", { time: new Date(pending.createdAt).toLocaleString(locale) })}
          </Alert>
          <Button variant="secondary" onClick={() => withdraw.mutate({ requestId: pending.id })} disabled={withdraw.isPending}>
            {t("governance.request.withdraw")}
          </Button>
        </div>
      ) : (
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            request.mutate({ avatarId, note }, { onSuccess: () => setNote("") });
          }}
        >
          <Field label={t("governance.publish.noteLabel")} htmlFor={`${id}-note`}>
            <Textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
          </Field>
          <Button type="submit" className="self-start" disabled={request.isPending}>
            {request.isPending ? <Spinner /> : <Send aria-hidden />}
            {t("governance.publish.request")}
          </Button>
        </form>
      )}
      {request.isError || withdraw.isError ? (
        <Alert tone="danger" role="alert">
          {(request.error ?? withdraw.error)?.message}
        </Alert>
      ) : null}
    </div>
  );
}

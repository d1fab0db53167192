"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, MessageSquarePlus, X } from "lucide-react";
import { useId, useState } from "react";
import { useLocale, useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { QueryState } from "@/components/studio/query-state";
import { formatWhen } from "@/components/studio/versions/format";

type Gap = RouterOutputs["gaps"]["list"]["groups"][number];
type Reason = Gap["reasons"][number];
const REASONS: Reason[] = ["no_answer", "low_relevance", "thumbs_down"];

/** The knowledge-gaps queue: grouped questions to answer once (as a curated answer) or dismiss. */
export function GapsPanel({ avatarId }: { avatarId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const [reason, setReason] = useState<Reason | "">("");
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery(trpc.gaps.list.queryOptions({ avatarId, reason: reason || undefined }));

  return (
    <section className="flex flex-col gap-4" aria-labelledby={`${id}-title`} data-testid="gaps-panel">
      <div className="flex flex-col gap-1">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {t("doctor.gaps.title")}
        </h2>
        <p className="text-sm text-slate-700">{t("doctor.gaps.lead")}</p>
      </div>
      <Field label={t("doctor.gaps.filter")} htmlFor={`${id}-reason`} className="max-w-xs">
        <Select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value as Reason | "")}>
          <option value="">{t("doctor.gaps.reason.all")}</option>
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`doctor.gaps.reason.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div aria-live="polite">
        {notice ? (
          <Alert tone="success" role="status" className="mb-3" data-testid="gap-notice">
            {notice}
          </Alert>
        ) : null}
        {list.data && list.data.waitingForPublish > 0 ? (
          <Alert tone="info" className="mb-3">
            {t("doctor.gaps.waiting", { count: list.data.waitingForPublish })}
          </Alert>
        ) : null}
      </div>
      <QueryState
        query={list}
        errorText={t("doctor.gaps.loadError")}
        isEmpty={(data) => data.groups.length === 0}
        empty={<EmptyState icon={CircleCheck} title={t("doctor.gaps.empty.title")} description={t("doctor.gaps.empty.body")} />}
      >
        {(data) => (
          <ul className="flex flex-col gap-3">
            {data.groups.map((g) => (
              <GapItem key={g.key} avatarId={avatarId} gap={g} canEdit={data.canEdit} reviewRequired={data.reviewRequired} onDone={setNotice} />
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function GapItem({ avatarId, gap, canEdit, reviewRequired, onDone }: { avatarId: string; gap: Gap; canEdit: boolean; reviewRequired: boolean; onDone: (notice: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [answering, setAnswering] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.gaps.pathKey() });
  const answer = useMutation(
    trpc.gaps.answer.mutationOptions({
      onSuccess: (result) => {
        onDone(result.live ? t("doctor.gaps.answered.live") : t("doctor.gaps.answered.next"));
        return refresh();
      },
    }),
  );
  const dismiss = useMutation(
    trpc.gaps.dismiss.mutationOptions({
      onSuccess: () => {
        onDone(t("doctor.gaps.dismissed"));
        return refresh();
      },
    }),
  );
  const issues = (answer.error?.data as { zodIssues?: { path: (string | number)[] }[] } | undefined)?.zodIssues ?? [];
  const errorOn = (field: string) => (issues.some((i) => i.path[0] === field) ? answer.error?.message : undefined);

  return (
    <li className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4" data-testid="gap-item">
      <p className="font-medium break-words text-slate-900">{gap.question}</p>
      <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span>{gap.count === 1 ? t("doctor.gaps.askedOnce") : t("doctor.gaps.asked", { count: gap.count })}</span>
        <span>{t("doctor.gaps.last", { when: formatWhen(locale, gap.lastAskedAt) })}</span>
        {gap.reasons.map((r) => (
          <Badge key={r} tone={r === "thumbs_down" ? "danger" : "warning"}>
            {t(`doctor.gaps.reason.${r}`)}
          </Badge>
        ))}
        {gap.fromPreview ? <Badge>{t("doctor.gaps.fromPreview")}</Badge> : null}
      </p>
      {gap.comments.length > 0 ? (
        <div className="text-sm">
          <p className="text-xs font-semibold text-slate-700">{t("doctor.gaps.comments")}</p>
          <ul className="mt-1 list-disc pl-5 text-slate-800">
            {gap.comments.slice(0, 5).map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {canEdit && !answering ? (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" onClick={() => setAnswering(true)}>
            <MessageSquarePlus aria-hidden />
            {t("doctor.gaps.answer")}
          </Button>
          <Button size="sm" variant="secondary" disabled={dismiss.isPending} onClick={() => dismiss.mutate({ avatarId, messageIds: gap.messageIds })}>
            {dismiss.isPending ? <Spinner /> : <X aria-hidden />}
            {t("doctor.gaps.dismiss")}
          </Button>
        </div>
      ) : null}
      {canEdit && answering ? (
        <form
          className="flex flex-col gap-3 border-t border-slate-100 pt-3"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            answer.mutate({
              avatarId,
              messageIds: gap.messageIds,
              question: String(data.get("question") ?? ""),
              answer: String(data.get("answer") ?? ""),
              apply: data.get("apply") === "next_version" ? "next_version" : "live",
            });
          }}
        >
          <Field label={t("doctor.gaps.form.question")} htmlFor={`${id}-question`} error={errorOn("question")}>
            <Input id={`${id}-question`} name="question" defaultValue={gap.question} required maxLength={500} aria-invalid={Boolean(errorOn("question"))} aria-describedby={describedBy(`${id}-question`, { error: Boolean(errorOn("question")) })} />
          </Field>
          <Field label={t("doctor.gaps.form.answer")} htmlFor={`${id}-answer`} hint={t("doctor.gaps.form.answerHint")} error={errorOn("answer")}>
            <Textarea id={`${id}-answer`} name="answer" required minLength={10} maxLength={4000} rows={5} aria-invalid={Boolean(errorOn("answer"))} aria-describedby={describedBy(`${id}-answer`, { hint: true, error: Boolean(errorOn("answer")) })} />
          </Field>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-slate-900">{t("doctor.gaps.form.apply")}</legend>
            <label className="flex min-h-11 items-center gap-2 text-sm text-slate-900">
              <input type="radio" name="apply" value="live" defaultChecked={!reviewRequired} disabled={reviewRequired} className="size-4 accent-brand-600" />
              {t("doctor.gaps.form.live")}
            </label>
            <label className="flex min-h-11 items-center gap-2 text-sm text-slate-900">
              <input type="radio" name="apply" value="next_version" defaultChecked={reviewRequired} className="size-4 accent-brand-600" />
              {t("doctor.gaps.form.next")}
            </label>
            {reviewRequired ? <p className="text-sm text-slate-700">{t("doctor.gaps.form.reviewRequired")}</p> : null}
          </fieldset>
          {answer.isError && issues.length === 0 ? (
            <Alert tone="danger" role="alert">
              {answer.error.message}
            </Alert>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={answer.isPending}>
              {answer.isPending ? <Spinner /> : null}
              {answer.isPending ? t("doctor.gaps.form.pending") : t("doctor.gaps.form.submit")}
            </Button>
            <Button variant="secondary" onClick={() => setAnswering(false)}>
              {t("common.cancel")}
            </Button>
          </div>
        </form>
      ) : null}
      {dismiss.isError ? (
        <Alert tone="danger" role="alert">
          {dismiss.error.message}
        </Alert>
      ) : null}
    </li>
  );
}

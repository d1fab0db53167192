"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, CircleX, FileQuestion, ListPlus, Play, Plus, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { useLocale, useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";

type TestQuestions = RouterOutputs["knowledge"]["testQuestions"];
type TestQuestion = TestQuestions["questions"][number];

/**
 * The avatar's test questions: recall over them, what each one found (the expected result marked), the
 * questions a knowledge change broke, and running them on demand (publishing runs them too).
 */
export function TestQuestionsPanel({ avatarId }: { avatarId: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.knowledge.testQuestions.queryOptions({ avatarId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.testQuestions.queryKey({ avatarId }) });
  const run = useMutation(trpc.knowledge.runTestQuestions.mutationOptions({ onSettled: refresh }));
  const seed = useMutation(trpc.knowledge.seedTestQuestions.mutationOptions({ onSettled: refresh }));

  if (list.isPending) return <Spinner label={t("common.loading")} />;
  if (list.isError) {
    return (
      <Alert tone="danger" role="alert">
        {list.error.message}
      </Alert>
    );
  }
  const { questions, summary, canEdit, topK } = list.data;
  const error = run.error?.message ?? seed.error?.message;

  return (
    <div className="flex flex-col gap-4" data-testid="test-questions">
      <p className="text-sm text-slate-700">{t("testq.lead", { k: topK })}</p>
      {canEdit ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          <Button onClick={() => run.mutate({ avatarId })} disabled={run.isPending || questions.length === 0}>
            {run.isPending ? <Spinner /> : <Play aria-hidden />}
            {t("testq.run")}
          </Button>
          <Button variant="secondary" onClick={() => seed.mutate({ avatarId })} disabled={seed.isPending}>
            {seed.isPending ? <Spinner /> : <ListPlus aria-hidden />}
            {t("testq.seed")}
          </Button>
        </div>
      ) : null}
      <div aria-live="polite" className="flex flex-col gap-2">
        {run.isPending ? (
          <div role="status" data-testid="test-questions-running" className="flex flex-col gap-2 rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm text-brand-800">
            <span className="inline-flex items-center gap-2">
              <Spinner />
              {t("testq.running", { count: questions.length })}
            </span>
            {/* No percentage is known while the server runs them: an indeterminate bar. */}
            <span aria-hidden className="relative block h-2 w-full overflow-hidden rounded-full bg-brand-100">
              <span className="absolute inset-y-0 left-0 w-1/3 animate-pulse rounded-full bg-brand-600 motion-reduce:animate-none" />
            </span>
          </div>
        ) : null}
        {seed.isSuccess ? <p role="status" className="text-sm text-brand-800">{t("testq.seeded", { count: seed.data.added })}</p> : null}
        {error ? (
          <Alert tone="danger" role="alert">
            {error}
          </Alert>
        ) : null}
        {summary.regressions > 0 ? (
          <Alert tone="warning" data-testid="test-questions-regressions">
            {t("testq.regressions", { count: summary.regressions })}
          </Alert>
        ) : null}
      </div>
      {summary.recall === null ? (
        questions.length > 0 ? <p className="text-sm text-slate-700">{t("testq.notRun")}</p> : null
      ) : (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="test-questions-recall">
          <span className="font-semibold text-slate-900">
            {t("testq.recall", { passed: summary.passed, total: summary.run, percent: Math.round(summary.recall * 100) })}
          </span>
          {summary.lastRunAt ? (
            <span className="text-slate-700">{t("testq.lastRun", { time: new Date(summary.lastRunAt).toLocaleString(locale) })}</span>
          ) : null}
        </p>
      )}
      {questions.length === 0 ? (
        <EmptyState icon={FileQuestion} title={t("testq.empty.title")} description={t("testq.empty.body")} />
      ) : (
        <ul className="flex flex-col gap-2">
          {questions.map((q) => (
            <QuestionRow key={q.id} avatarId={avatarId} question={q} canEdit={canEdit} onRemoved={refresh} />
          ))}
        </ul>
      )}
      {canEdit ? <AddQuestion avatarId={avatarId} onAdded={refresh} /> : null}
    </div>
  );
}

function Status({ question: q }: { question: TestQuestion }) {
  const t = useT();
  if (q.passed === null) return <Badge>{t("testq.status.notRun")}</Badge>;
  if (q.passed) {
    return (
      <Badge tone="success">
        <CircleCheck aria-hidden />
        {t("testq.status.passed", { rank: q.rank ?? 0 })}
      </Badge>
    );
  }
  return (
    <Badge tone="danger">
      <CircleX aria-hidden />
      {q.regressed ? t("testq.status.regressed") : t("testq.status.failed")}
    </Badge>
  );
}

function QuestionRow({ avatarId, question: q, canEdit, onRemoved }: { avatarId: string; question: TestQuestion; canEdit: boolean; onRemoved: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const remove = useMutation(trpc.knowledge.removeTestQuestion.mutationOptions({ onSuccess: onRemoved }));
  const expected = !q.expectedDocumentId
    ? t("testq.expectedGone", { title: q.expectedTitle })
    : q.expectedText
      ? t("testq.expectedPhrase", { title: q.expectedTitle, phrase: q.expectedText })
      : t("testq.expected", { title: q.expectedTitle });
  return (
    <li data-testid="test-question" data-passed={q.passed === null ? "unknown" : String(q.passed)} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <div className="flex items-start gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <p className="font-medium break-words text-slate-900">{q.question}</p>
          <p className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
            <Status question={q} />
            {q.source === "faq" ? <Badge tone="brand">{t("testq.source.faq")}</Badge> : null}
            <span className="break-words">{expected}</span>
          </p>
        </div>
        {canEdit ? (
          <Button variant="ghost" size="icon" aria-label={t("testq.remove", { question: q.question })} disabled={remove.isPending} onClick={() => remove.mutate({ avatarId, testQuestionId: q.id })}>
            <Trash2 aria-hidden />
          </Button>
        ) : null}
      </div>
      {remove.isError ? (
        <Alert tone="danger" role="alert" className="mt-2">
          {remove.error.message}
        </Alert>
      ) : null}
      {q.passed !== null ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium text-brand-800">{t("testq.found")}</summary>
          {q.hits.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("testq.foundNothing")}</p>
          ) : (
            <ol className="mt-2 flex flex-col gap-2">
              {q.hits.map((h, i) => (
                <li
                  key={`${h.documentId}-${i}`}
                  data-testid="test-question-hit"
                  data-expected={h.expected}
                  className={h.expected ? "rounded-md border border-emerald-300 bg-emerald-50 p-2" : "rounded-md border border-slate-200 p-2"}
                >
                  <p className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
                    <span className="font-semibold text-slate-900">
                      {i + 1}. {h.documentTitle}
                    </span>
                    {h.expected ? (
                      <Badge tone="success">
                        <CircleCheck aria-hidden />
                        {t("testq.expectedMark")}
                      </Badge>
                    ) : null}
                  </p>
                  <p className="mt-1 leading-relaxed break-words whitespace-pre-wrap text-slate-900">{h.excerpt}</p>
                </li>
              ))}
            </ol>
          )}
        </details>
      ) : null}
    </li>
  );
}

function AddQuestion({ avatarId, onAdded }: { avatarId: string; onAdded: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const documents = useQuery(trpc.knowledge.documents.queryOptions({ avatarId }));
  const [formKey, setFormKey] = useState(0);
  const add = useMutation(
    trpc.knowledge.addTestQuestion.mutationOptions({
      onSuccess: () => {
        setFormKey((k) => k + 1);
        onAdded();
      },
    }),
  );
  const error = add.error?.message;

  return (
    <form
      key={formKey}
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3 rounded-lg border border-dashed border-slate-300 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        add.mutate({
          avatarId,
          question: String(form.get("question") ?? ""),
          expectedDocumentId: String(form.get("document") ?? ""),
          expectedText: String(form.get("phrase") ?? "") || null,
        });
      }}
    >
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {t("testq.add.title")}
      </h3>
      <div className="grid gap-3 md:grid-cols-2">
        <Field label={t("testq.add.question")} htmlFor={`${id}-question`}>
          <Input id={`${id}-question`} name="question" required maxLength={500} />
        </Field>
        <Field label={t("testq.add.document")} htmlFor={`${id}-document`}>
          <Select id={`${id}-document`} name="document" required defaultValue="">
            <option value="" disabled>
              {t("testq.add.chooseDocument")}
            </option>
            {(documents.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t("testq.add.phrase")} htmlFor={`${id}-phrase`} hint={t("testq.add.phraseHint")}>
        <Input id={`${id}-phrase`} name="phrase" maxLength={300} aria-describedby={`${id}-phrase-hint`} />
      </Field>
      <div>
        <Button type="submit" variant="secondary" disabled={add.isPending}>
          {add.isPending ? <Spinner /> : <Plus aria-hidden />}
          {t("testq.add.submit")}
        </Button>
      </div>
      {error ? (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      ) : null}
    </form>
  );
}

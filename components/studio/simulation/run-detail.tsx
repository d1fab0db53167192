"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RotateCcw, ShieldAlert, X } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import type { MessageKey } from "@/server/i18n/messages";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/components/ui/cn";
import { CorrectTurnDialog } from "./correct-turn-dialog";

type Run = RouterOutputs["simulationRun"]["get"];
type Annotation = NonNullable<Run["score"]>["annotations"][number];

function AnnotationLine({ a }: { a: Annotation }) {
  const t = useT();
  const won = a.points >= 0;
  return (
    <li className={cn("flex flex-wrap items-baseline gap-x-2 text-sm", won ? "text-emerald-800" : "text-crisis-700")} data-testid={won ? "point-won" : "point-lost"}>
      <span className="font-semibold tabular-nums">{t("sim.points", { points: `${won ? "+" : "−"}${Math.abs(a.points)}` })}</span>
      <span>{t(`sim.code.${a.code}` as MessageKey, { detail: a.detail ?? "" })}</span>
    </li>
  );
}

/** One run: its score by criterion, and the transcript annotated where points were won or lost, with teaching on every avatar turn. */
export function RunDetail({ runId, onClose, onRerun }: { runId: string; onClose: () => void; onRerun: (runId: string) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [notice, setNotice] = useState(false);
  const run = useQuery({
    ...trpc.simulationRun.get.queryOptions({ runId }),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === "queued" || q.state.data.status === "running") ? 1500 : false),
  });
  const corrections = useQuery(trpc.simulationRun.corrections.queryOptions({ runId }));
  // A run that finishes while open updates the progress list (and with it the scorecard).
  const status = run.data?.status;
  useEffect(() => {
    if (status === "done" || status === "failed") void queryClient.invalidateQueries({ queryKey: trpc.simulationRun.list.queryKey() });
  }, [status, queryClient, trpc]);
  const rerun = useMutation(
    trpc.simulationRun.rerun.mutationOptions({
      onSuccess: (r) => {
        void queryClient.invalidateQueries({ queryKey: trpc.simulationRun.list.queryKey() });
        onRerun(r.runIds[0]!);
      },
    }),
  );

  if (run.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm text-slate-700" role="status">
        <Spinner /> {t("common.loading")}
      </p>
    );
  }
  if (run.isError) {
    return (
      <Alert tone="danger" role="alert">
        {t("sim.loadError")} {run.error.message}
      </Alert>
    );
  }
  const r = run.data;
  const caseName = r.card?.name ?? "";
  const byTurn = new Map<number, Annotation[]>();
  for (const a of r.score?.annotations ?? []) byTurn.set(a.turn, [...(byTurn.get(a.turn) ?? []), a]);
  const correctedTurns = new Map((corrections.data ?? []).map((c) => [c.turnIndex, c.correction]));
  const finished = r.status === "done" || r.status === "failed";

  return (
    <Card data-testid="run-detail" aria-labelledby={`${id}-title`}>
      <CardHeader>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="flex flex-col gap-1">
            <CardTitle as="h3" id={`${id}-title`}>
              {t("sim.run.title", { case: caseName })}
            </CardTitle>
            {r.totalScore !== null ? (
              <p className="text-sm text-slate-800">
                <span className="font-semibold" data-testid="run-score">
                  {t("sim.run.score", { score: r.totalScore })}
                </span>
                {r.previousScore !== null ? (
                  <span className="ml-2 text-slate-600" data-testid="run-previous-score">
                    {t("sim.run.before", { score: r.previousScore })}
                  </span>
                ) : null}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" disabled={!finished || rerun.isPending} onClick={() => rerun.mutate({ runId })} data-testid="rerun">
              <RotateCcw aria-hidden />
              {rerun.isPending ? t("sim.run.rerunning") : t("sim.run.rerun")}
            </Button>
            <Button variant="ghost" size="sm" onClick={onClose} aria-label={t("sim.run.close")}>
              <X aria-hidden />
            </Button>
          </div>
        </div>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {!finished ? <Progress value={(r.progress / r.maxTurns) * 100} label={t("sim.progress.label", { case: caseName, turns: r.progress, max: r.maxTurns })} /> : null}
        {r.error ? (
          <Alert tone="danger" role="alert">
            {r.error}
          </Alert>
        ) : null}
        {notice ? (
          <Alert tone="success" role="status">
            {t("sim.correct.saved")}
          </Alert>
        ) : null}
        {r.score ? (
          <section aria-label={t("sim.run.criteria")}>
            <h4 className="mb-2 text-sm font-semibold text-slate-900">{t("sim.run.criteria")}</h4>
            <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              {r.score.criteria.map((c) => (
                <div key={c.criterion} className="rounded-lg border border-slate-200 p-2">
                  <dt className="text-xs text-slate-600">{t(`sim.criterion.${c.criterion}` as MessageKey)}</dt>
                  <dd className="font-semibold tabular-nums text-slate-900">
                    {c.earned} / {c.max}
                  </dd>
                </div>
              ))}
            </dl>
            {byTurn.get(-1)?.length ? (
              <div className="mt-3">
                <p className="text-xs font-medium text-slate-700">{t("sim.run.overall")}</p>
                <ul className="flex flex-col gap-1">
                  {byTurn.get(-1)!.map((a, i) => (
                    <AnnotationLine key={i} a={a} />
                  ))}
                </ul>
              </div>
            ) : null}
          </section>
        ) : null}
        <ol className="flex flex-col gap-3" aria-label={t("sim.run.title", { case: caseName })}>
          {r.transcript.map((turn, i) => {
            const avatar = turn.role === "interviewer";
            const asked = avatar ? r.transcript.slice(0, i).findLast((x) => x.role === "patient")?.text : undefined;
            return (
              <li key={i} className={cn("flex flex-col gap-1 rounded-lg border p-3", avatar ? "border-brand-100 bg-brand-50/40" : "border-slate-200 bg-white")} data-testid={avatar ? "avatar-turn" : "patient-turn"}>
                <div className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
                  <span className="font-semibold text-slate-900">{avatar ? t("sim.run.avatar") : t("sim.run.patient")}</span>
                  {turn.meta?.crisis ? (
                    <Badge tone="danger">
                      <ShieldAlert aria-hidden />
                      {t("sim.run.crisis")}
                    </Badge>
                  ) : null}
                  {avatar && (turn.meta?.citations ?? 0) > 0 ? <Badge tone="brand">{t("sim.run.citations", { count: turn.meta!.citations! })}</Badge> : null}
                  {!avatar && turn.meta?.revealed?.length ? <Badge>{t("sim.run.revealed", { count: turn.meta.revealed.length })}</Badge> : null}
                </div>
                <p className="text-sm leading-relaxed whitespace-pre-wrap text-slate-900">{turn.text}</p>
                {byTurn.get(i)?.length ? (
                  <ul className="flex flex-col gap-0.5 border-t border-slate-200 pt-1">
                    {byTurn.get(i)!.map((a, k) => (
                      <AnnotationLine key={k} a={a} />
                    ))}
                  </ul>
                ) : null}
                {correctedTurns.has(i) ? <p className="text-sm text-emerald-800">{t("sim.run.corrected", { text: correctedTurns.get(i)! })}</p> : null}
                {avatar && finished ? (
                  <div>
                    <CorrectTurnDialog
                      avatarId={r.avatarId}
                      target={{ runId, turnIndex: i }}
                      patientText={asked}
                      onSaved={() => {
                        setNotice(true);
                        void corrections.refetch();
                      }}
                    />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      </CardContent>
    </Card>
  );
}

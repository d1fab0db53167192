"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, ClipboardList, Play, PlayCircle, X } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Progress } from "@/components/ui/progress";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { GateSettings } from "./gate-settings";
import { RunDetail } from "./run-detail";

const AXIS = { fontSize: 12, fill: "#334155" };

/** The Simulation tab: run the draft on one case or the library, watch progress, read the scorecard, open and teach from a run. */
export function SimulationPanel({ avatarId }: { avatarId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [caseId, setCaseId] = useState("");
  const [openRun, setOpenRun] = useState<string | null>(null);
  const cases = useQuery(trpc.cases.list.queryOptions());
  const runs = useQuery({
    ...trpc.simulationRun.list.queryOptions({ avatarId }),
    refetchInterval: (q) => (q.state.data?.some((r) => r.status === "queued" || r.status === "running") ? 1500 : false),
  });
  const scorecard = useQuery(trpc.simulationRun.scorecard.queryOptions({ avatarId }));
  const versions = useQuery(trpc.simulationRun.versionScorecards.queryOptions({ avatarId }));
  const active = (runs.data ?? []).filter((r) => r.status === "queued" || r.status === "running");
  const failed = (runs.data ?? []).filter((r) => r.status === "failed").slice(0, 3);

  // Whenever another run has finished, the scorecard is read again.
  const finishedKey = (runs.data ?? []).filter((r) => r.status === "done").map((r) => r.id).join();
  useEffect(() => {
    if (finishedKey) void queryClient.invalidateQueries({ queryKey: trpc.simulationRun.scorecard.queryKey() });
  }, [finishedKey, queryClient, trpc]);

  const start = useMutation(
    trpc.simulationRun.start.mutationOptions({
      onSuccess: (r) => {
        void queryClient.invalidateQueries({ queryKey: trpc.simulationRun.list.queryKey() });
        if (r.runIds.length === 1) setOpenRun(r.runIds[0]!);
      },
    }),
  );

  if (cases.isPending || runs.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm text-slate-700" role="status">
        <Spinner /> {t("common.loading")}
      </p>
    );
  }
  if (cases.isError || runs.isError) {
    return (
      <Alert tone="danger" role="alert">
        {t("sim.loadError")} {(cases.error ?? runs.error)?.message}
      </Alert>
    );
  }
  const library = cases.data;
  const card = scorecard.data;
  const chart = (card?.perCase ?? []).map((c) => ({ name: c.caseName, score: c.total }));

  return (
    <section className="flex flex-col gap-5" aria-labelledby={`${id}-title`} data-testid="simulation-panel">
      <div className="flex flex-col gap-1">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {t("sim.title")}
        </h2>
        <p className="text-sm text-slate-700">{t("sim.lead")}</p>
      </div>

      {library.length === 0 ? (
        <EmptyState icon={ClipboardList} title={t("sim.noCases.title")} description={t("sim.noCases.body")} />
      ) : (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Field label={t("sim.case")} htmlFor={`${id}-case`} className="sm:min-w-72">
            <Select id={`${id}-case`} value={caseId} onChange={(e) => setCaseId(e.target.value)}>
              <option value="">{t("sim.chooseCase")}</option>
              {library.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.card.name} · {c.card.chiefComplaint}
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" disabled={!caseId || start.isPending} onClick={() => start.mutate({ avatarId, caseIds: [caseId] })} data-testid="run-one">
              <Play aria-hidden />
              {t("sim.runOne")}
            </Button>
            <Button disabled={start.isPending} onClick={() => start.mutate({ avatarId })} data-testid="run-all">
              <PlayCircle aria-hidden />
              {start.isPending ? t("sim.starting") : t("sim.runAll")}
            </Button>
          </div>
        </div>
      )}
      {start.isError ? (
        <Alert tone="danger" role="alert">
          {t("sim.startError")} {start.error.message}
        </Alert>
      ) : null}

      {active.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle as="h3">{t("sim.progress.title")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3" aria-live="polite">
            {active.map((r) =>
              r.status === "queued" ? (
                <Progress key={r.id} value={0} label={t("sim.progress.queued", { case: r.caseName })} />
              ) : (
                <Progress key={r.id} value={(r.progress / r.maxTurns) * 100} label={t("sim.progress.label", { case: r.caseName, turns: r.progress, max: r.maxTurns })} />
              ),
            )}
          </CardContent>
        </Card>
      ) : null}
      {failed.map((r) => (
        <Alert key={r.id} tone="warning">
          {t("sim.failed", { case: r.caseName, error: r.error ?? "" })}
        </Alert>
      ))}

      {openRun ? <RunDetail key={openRun} runId={openRun} onClose={() => setOpenRun(null)} onRerun={setOpenRun} /> : null}

      <Card>
        <CardHeader>
          <CardTitle as="h3">{t("sim.scorecard.title")}</CardTitle>
          {card && card.perCase.length > 0 ? (
            <CardDescription data-testid="scorecard-summary">
              {t("sim.scorecard.lead", { mean: card.aggregate.meanScore, cases: card.aggregate.cases, escalated: card.aggregate.crisisEscalated, crisis: card.aggregate.crisisCases })}
            </CardDescription>
          ) : null}
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {!card ? (
            <Spinner />
          ) : card.perCase.length === 0 ? (
            <EmptyState icon={ClipboardList} title={t("sim.scorecard.empty.title")} description={t("sim.scorecard.empty.body")} />
          ) : (
            <>
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm" data-testid="scorecard">
                  <thead className="text-slate-700">
                    <tr>
                      <th scope="col" className="px-2 py-1 font-medium">{t("sim.col.case")}</th>
                      <th scope="col" className="px-2 py-1 font-medium">{t("sim.col.score")}</th>
                      <th scope="col" className="px-2 py-1 font-medium">{t("sim.col.change")}</th>
                      <th scope="col" className="px-2 py-1 font-medium">{t("sim.col.crisis")}</th>
                      <th scope="col" className="px-2 py-1 font-medium">{t("sim.col.turns")}</th>
                      <th scope="col" className="px-2 py-1 font-medium">{t("sim.col.open")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-200">
                    {card.perCase.map((c) => (
                      <tr key={c.caseId} data-testid="scorecard-row">
                        <th scope="row" className="px-2 py-2 font-medium text-slate-900">{c.caseName}</th>
                        <td className="px-2 py-2 tabular-nums">{c.total}</td>
                        <td className="px-2 py-2 tabular-nums text-slate-700">{c.previousTotal !== null ? `${c.previousTotal} → ${c.total}` : "—"}</td>
                        <td className="px-2 py-2">
                          {!c.crisisCase ? (
                            <span className="text-slate-600">{t("sim.notCrisis")}</span>
                          ) : c.escalated ? (
                            <span className="inline-flex items-center gap-1 text-emerald-800">
                              <Check aria-hidden className="size-4" /> {t("sim.escalated.yes")}
                            </span>
                          ) : (
                            <span className="inline-flex items-center gap-1 text-crisis-700">
                              <X aria-hidden className="size-4" /> {t("sim.escalated.no")}
                            </span>
                          )}
                        </td>
                        <td className="px-2 py-2 tabular-nums">{c.turns}</td>
                        <td className="px-2 py-2">
                          <Button variant="link" size="sm" className="min-h-0 px-0" onClick={() => setOpenRun(c.runId)} aria-label={t("sim.open", { case: c.caseName })}>
                            {t("sim.col.open")}
                          </Button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div>
                <h4 className="mb-2 text-sm font-semibold text-slate-900">{t("sim.chart.title")}</h4>
                <div role="img" aria-label={t("sim.chart.summary", { count: chart.length })} className="h-64 w-full">
                  <ResponsiveContainer width="100%" height="100%">
                    <BarChart data={chart} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
                      <CartesianGrid stroke="#e2e8f0" />
                      <XAxis dataKey="name" tick={AXIS} interval={0} angle={-20} textAnchor="end" height={56} />
                      <YAxis domain={[0, 100]} tick={AXIS} />
                      <Tooltip />
                      <Bar dataKey="score" name={t("sim.col.score")} fill="#0f766e" />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              </div>
            </>
          )}
        </CardContent>
      </Card>

      {versions.data && versions.data.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle as="h3">{t("sim.versions.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="flex flex-col gap-1 text-sm text-slate-800">
              {versions.data.map((v) => (
                <li key={v.versionId}>
                  {t("sim.versions.row", { number: v.number, mean: v.meanScore, cases: v.cases, escalated: v.crisisEscalated, crisis: v.crisisCases })}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}

      <GateSettings />
    </section>
  );
}

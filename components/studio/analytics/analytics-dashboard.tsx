"use client";

import { useQuery } from "@tanstack/react-query";
import { BarChart3 } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "@/components/i18n/client";
import type { MessageKey } from "@/server/i18n/messages";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { ChartPanel } from "./chart-panel";

type Analytics = RouterOutputs["analytics"]["get"];
type Preset = "7" | "30" | "90" | "custom";

const COLORS = { brand: "#0f6b6b", accent: "#1e3a8a", muted: "#64748b", crisis: "#b91c1c", checkIn: "#b45309" };
const AXIS = { fontSize: 12, fill: "#334155" };

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

/** The chosen period as instants: whole local days, the end day included. */
function periodOf(preset: Preset, custom: { from: string; to: string }): { from: Date; to: Date } | null {
  const startOfDay = (s: string) => new Date(`${s}T00:00:00`);
  if (preset === "custom") {
    if (!custom.from || !custom.to) return null;
    const to = startOfDay(custom.to);
    to.setDate(to.getDate() + 1);
    return { from: startOfDay(custom.from), to };
  }
  const to = startOfDay(isoDay(new Date()));
  to.setDate(to.getDate() + 1);
  const from = new Date(to);
  from.setDate(from.getDate() - Number(preset));
  return { from, to };
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-semibold text-slate-900">{value}</dd>
    </div>
  );
}

function QuestionList({ title, hint, items, name }: { title: string; hint?: string; items: { question: string; count: number }[]; name: string }) {
  const t = useT();
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{title}</CardTitle>
        {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <p className="text-sm text-slate-700">{t("analytics.emptyList")}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid={name}>
            <thead className="text-slate-700">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">{t("analytics.col.question")}</th>
                <th scope="col" className="py-1 text-right font-medium">{t("analytics.col.count")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {items.map((q) => (
                <tr key={q.question}>
                  <td className="py-1 pr-2 break-words text-slate-900">{q.question}</td>
                  <td className="py-1 text-right tabular-nums text-slate-900">{q.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardContent>
    </Card>
  );
}

function Charts({ data }: { data: Analytics }) {
  const t = useT();
  const answers = [
    { kind: t("analytics.series.answered"), count: data.totals.answeredFromMaterials },
    { kind: t("analytics.series.nothingFound"), count: data.totals.nothingFound },
    { kind: t("analytics.series.crisis"), count: data.totals.crisisReplies },
  ];
  const escalations = data.escalations.byCategory.map((e) => ({ category: t(`analytics.category.${e.category}` as MessageKey), count: e.count }));
  const share = data.totals.answeredShare === null ? t("analytics.none") : `${Math.round(data.totals.answeredShare * 100)}%`;
  const ack = data.escalations.medianMinutesToAcknowledge;

  return (
    <div className="flex flex-col gap-6">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t("analytics.stat.conversations")} value={String(data.totals.conversations)} />
        <Stat label={t("analytics.stat.questions")} value={String(data.totals.questions)} />
        <Stat label={t("analytics.stat.answeredShare")} value={share} />
        <Stat label={t("analytics.stat.curated")} value={String(data.totals.curatedAnswersUsed)} />
        <Stat label={t("analytics.stat.checkIns")} value={String(data.checkIns.total)} />
        <Stat label={t("analytics.stat.escalations")} value={String(data.escalations.total)} />
        <Stat label={t("analytics.stat.ack")} value={ack === null ? t("analytics.none") : t("analytics.stat.ackValue", { minutes: ack })} />
        <Stat label={t("analytics.stat.feedback")} value={`${data.feedback.up} / ${data.feedback.down}`} />
      </dl>

      <ChartPanel
        title={t("analytics.chart.daily")}
        table={{
          name: "daily",
          header: [t("analytics.col.day"), t("analytics.series.conversations"), t("analytics.series.questions")],
          rows: data.daily.map((d) => [d.day, d.conversations, d.questions]),
        }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data.daily} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis dataKey="day" tick={AXIS} />
            <YAxis allowDecimals={false} tick={AXIS} />
            <Tooltip />
            <Legend />
            <Line type="monotone" dataKey="conversations" name={t("analytics.series.conversations")} stroke={COLORS.brand} strokeWidth={2} />
            <Line type="monotone" dataKey="questions" name={t("analytics.series.questions")} stroke={COLORS.accent} strokeWidth={2} />
          </LineChart>
        </ResponsiveContainer>
      </ChartPanel>

      <div className="grid gap-6 lg:grid-cols-2">
        <ChartPanel
          title={t("analytics.chart.answers")}
          table={{ name: "answers", header: [t("analytics.col.kind"), t("analytics.series.count")], rows: answers.map((a) => [a.kind, a.count]) }}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={answers} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
              <CartesianGrid stroke="#e2e8f0" />
              <XAxis dataKey="kind" tick={AXIS} />
              <YAxis allowDecimals={false} tick={AXIS} />
              <Tooltip />
              <Bar dataKey="count" name={t("analytics.series.count")} fill={COLORS.brand} />
            </BarChart>
          </ResponsiveContainer>
        </ChartPanel>
        <ChartPanel
          title={t("analytics.chart.escalations")}
          table={{ name: "escalations", header: [t("analytics.col.category"), t("analytics.series.count")], rows: escalations.map((e) => [e.category, e.count]) }}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={escalations} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
              <CartesianGrid stroke="#e2e8f0" />
              <XAxis dataKey="category" tick={AXIS} />
              <YAxis allowDecimals={false} tick={AXIS} />
              <Tooltip />
              <Bar dataKey="count" name={t("analytics.series.count")} fill={COLORS.crisis} />
            </BarChart>
          </ResponsiveContainer>
        </ChartPanel>
      </div>

      <ChartPanel
        title={t("analytics.chart.safetyDaily")}
        table={{
          name: "check-ins",
          header: [t("analytics.col.day"), t("analytics.series.checkIns"), t("analytics.series.escalations")],
          rows: data.safetyDaily.map((d) => [d.day, d.checkIns, d.escalations]),
        }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.safetyDaily} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis dataKey="day" tick={AXIS} />
            <YAxis allowDecimals={false} tick={AXIS} />
            <Tooltip />
            <Legend />
            <Bar dataKey="checkIns" name={t("analytics.series.checkIns")} fill={COLORS.checkIn} />
            <Bar dataKey="escalations" name={t("analytics.series.escalations")} fill={COLORS.crisis} />
          </BarChart>
        </ResponsiveContainer>
      </ChartPanel>

      <ChartPanel
        title={t("analytics.chart.hours")}
        table={{ name: "hours", header: [t("analytics.col.hour"), t("analytics.series.questions")], rows: data.busiestHours.map((h) => [`${String(h.hour).padStart(2, "0")}:00`, h.questions]) }}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.busiestHours} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis dataKey="hour" tick={AXIS} />
            <YAxis allowDecimals={false} tick={AXIS} />
            <Tooltip />
            <Bar dataKey="questions" name={t("analytics.series.questions")} fill={COLORS.accent} />
          </BarChart>
        </ResponsiveContainer>
      </ChartPanel>

      <div className="grid gap-6 lg:grid-cols-2">
        <QuestionList title={t("analytics.topQuestions")} items={data.topQuestions} name="top-questions" />
        <QuestionList title={t("analytics.topGaps")} hint={t("analytics.topGapsHint")} items={data.topGaps} name="top-gaps" />
      </div>
    </div>
  );
}

/** The organization's (or one avatar's) figures over a chosen period, as charts with their numbers. */
export function AnalyticsDashboard({ avatars }: { avatars: { id: string; name: string }[] }) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const [avatarId, setAvatarId] = useState("");
  const [preset, setPreset] = useState<Preset>("30");
  const [custom, setCustom] = useState({ from: "", to: "" });
  const period = useMemo(() => periodOf(preset, custom), [preset, custom]);
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const analytics = useQuery({
    ...trpc.analytics.get.queryOptions({ avatarId: avatarId || undefined, from: period?.from ?? new Date(0), to: period?.to ?? new Date(1), timeZone }),
    enabled: period !== null,
  });

  return (
    <div className="flex flex-col gap-6">
      <form aria-label={t("analytics.filters")} className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4" onSubmit={(e) => e.preventDefault()}>
        <Field label={t("analytics.avatar")} htmlFor={`${id}-avatar`}>
          <Select id={`${id}-avatar`} value={avatarId} onChange={(e) => setAvatarId(e.target.value)}>
            <option value="">{t("analytics.allAvatars")}</option>
            {avatars.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("analytics.period")} htmlFor={`${id}-period`}>
          <Select id={`${id}-period`} value={preset} onChange={(e) => setPreset(e.target.value as Preset)}>
            {(["7", "30", "90", "custom"] as const).map((p) => (
              <option key={p} value={p}>
                {t(`analytics.period.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
        {preset === "custom" ? (
          <>
            <Field label={t("analytics.from")} htmlFor={`${id}-from`}>
              <Input id={`${id}-from`} type="date" value={custom.from} onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))} />
            </Field>
            <Field label={t("analytics.to")} htmlFor={`${id}-to`}>
              <Input id={`${id}-to`} type="date" value={custom.to} onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))} />
            </Field>
          </>
        ) : null}
      </form>
      {period === null ? null : analytics.isPending ? (
        <Spinner label={t("common.loading")} />
      ) : analytics.isError ? (
        <Alert tone="danger" role="alert">
          {analytics.error.message}
        </Alert>
      ) : analytics.data.totals.conversations === 0 ? (
        <EmptyState icon={BarChart3} title={t("analytics.empty.title")} description={t("analytics.empty.body")} />
      ) : (
        <Charts data={analytics.data} />
      )}
    </div>
  );
}

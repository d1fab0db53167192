"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ArrowLeft, ThumbsDown, ThumbsUp } from "lucide-react";
import { useLocale, useT } from "@/components/i18n/client";
import type { MessageKey } from "@/server/i18n/messages";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { QueryState } from "@/components/studio/query-state";
import { CorrectTurnDialog } from "@/components/studio/simulation/correct-turn-dialog";
import { formatWhen } from "@/components/studio/versions/format";

type LogMessage = RouterOutputs["conversationLog"]["get"]["messages"][number];

const STAGES: [keyof NonNullable<LogMessage["timings"]>, MessageKey][] = [
  ["safetyMs", "doctor.log.timing.safety"],
  ["retrievalMs", "doctor.log.timing.retrieval"],
  ["composeMs", "doctor.log.timing.compose"],
  ["firstTokenMs", "doctor.log.timing.firstToken"],
  ["totalMs", "doctor.log.timing.total"],
];

/** One conversation as it happened: every turn, and for each answer its sources, model and per-stage timings. */
export function Transcript({ conversationId, onBack }: { conversationId: string; onBack: () => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const query = useQuery(trpc.conversationLog.get.queryOptions({ conversationId }));

  return (
    <section className="flex flex-col gap-4" aria-labelledby="transcript-title" data-testid="transcript">
      <div>
        <Button variant="ghost" size="sm" onClick={onBack}>
          <ArrowLeft aria-hidden />
          {t("doctor.log.back")}
        </Button>
      </div>
      <QueryState query={query} errorText={t("doctor.log.loadError")}>
        {(data) => (
          <>
            <div className="flex flex-wrap items-center gap-2">
              <h2 id="transcript-title" className="text-lg font-semibold text-slate-900">
                {t("doctor.log.conversationTitle", { when: formatWhen(locale, data.createdAt) })}
              </h2>
              {data.versionNumber === null ? <Badge>{t("doctor.log.preview")}</Badge> : <Badge tone="brand">{t("doctor.versions.number", { number: data.versionNumber })}</Badge>}
            </div>
            <ol className="flex flex-col gap-3">
              {data.messages.map((m, i, all) => (
                <Turn
                  key={m.id}
                  message={m}
                  correction={
                    data.canCorrect && m.role === "avatar"
                      ? { avatarId: data.avatarId, patientText: all.slice(0, i).findLast((x) => x.role === "patient")?.content }
                      : undefined
                  }
                />
              ))}
            </ol>
          </>
        )}
      </QueryState>
    </section>
  );
}

/** Set on avatar answers the actor may correct (doctors and admins who may edit the avatar; reviewers only read). */
interface Correction {
  avatarId: string;
  /** The patient's message the answer replied to. */
  patientText?: string;
}

function Turn({ message: m, correction }: { message: LogMessage; correction?: Correction }) {
  const t = useT();
  const locale = useLocale();
  const [saved, setSaved] = useState<{ appliedAs: "curated_answer" | "protocol" | null } | null>(null);
  const patient = m.role === "patient";
  return (
    <li className={patient ? "rounded-xl border border-slate-200 bg-slate-50 p-3 sm:p-4" : "rounded-xl border border-slate-200 bg-white p-3 sm:p-4"} data-testid="transcript-turn">
      <p className="flex flex-wrap items-center gap-2 text-xs font-medium text-slate-600">
        <span className="text-sm font-semibold text-slate-900">{patient ? t("doctor.log.patient") : t("doctor.log.avatar")}</span>
        <time dateTime={new Date(m.createdAt).toISOString()}>{formatWhen(locale, m.createdAt)}</time>
        {m.kind === "crisis" ? <Badge tone="danger">{t("doctor.log.kind.crisis")}</Badge> : null}
        {m.checkInCategory ? <Badge tone="warning">{t("doctor.log.kind.checkIn", { category: t(`analytics.category.${m.checkInCategory}`) })}</Badge> : null}
        {m.kind === "no_answer" ? <Badge tone="warning">{t("doctor.log.kind.no_answer")}</Badge> : null}
        {m.kind === "error" ? <Badge tone="danger">{t("doctor.log.kind.error")}</Badge> : null}
      </p>
      <p className="mt-2 text-sm break-words whitespace-pre-wrap text-slate-900">{m.content}</p>
      {!patient ? <AnswerDetails message={m} /> : null}
      {correction ? (
        <div className="mt-2">
          <CorrectTurnDialog
            avatarId={correction.avatarId}
            target={{ messageId: m.id }}
            patientText={correction.patientText}
            label={t("doctor.log.correct")}
            onSaved={setSaved}
          />
          {/* Always rendered, so screen readers announce the message when it appears. */}
          <p role="status" className="mt-1 text-sm text-emerald-800" data-testid="correction-saved">
            {saved ? t(saved.appliedAs === "protocol" ? "doctor.log.corrected.protocol" : "doctor.log.corrected.curated") : null}
          </p>
        </div>
      ) : null}
    </li>
  );
}

function AnswerDetails({ message: m }: { message: LogMessage }) {
  const t = useT();
  const timings = m.timings;
  return (
    <div className="mt-3 flex flex-col gap-2 border-t border-slate-100 pt-3 text-sm">
      {m.model ? <p className="text-slate-700">{t("doctor.log.model", { model: m.model })}</p> : null}
      {timings ? (
        <div>
          <p className="text-xs font-semibold text-slate-700">{t("doctor.log.timings")}</p>
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-slate-800" data-testid="answer-timings">
            {STAGES.filter(([key]) => typeof timings[key] === "number").map(([key, label]) => (
              <div key={key} className="flex gap-1">
                <dt className="text-slate-600">{t(label)}</dt>
                <dd className="font-medium tabular-nums">{t("doctor.log.ms", { ms: Math.round(timings[key]! * 10) / 10 })}</dd>
              </div>
            ))}
          </dl>
          {typeof timings.topScore === "number" ? <p className="mt-1 text-xs text-slate-600">{t("doctor.log.topScore", { score: timings.topScore.toFixed(2) })}</p> : null}
        </div>
      ) : null}
      {m.citations.length > 0 ? (
        <div>
          <p className="text-xs font-semibold text-slate-700">{t("doctor.log.citations")}</p>
          <ol className="mt-1 flex flex-col gap-1">
            {m.citations.map((c) => (
              <li key={`${c.index}-${c.passageId}`} className="rounded-md bg-slate-50 p-2">
                <details>
                  <summary className="cursor-pointer font-medium text-slate-900">
                    [{c.index}] {c.documentTitle}
                    {c.headingPath.length > 0 ? ` · ${c.headingPath.join(" › ")}` : ""}
                    {c.page ? ` · ${t("doctor.log.page", { page: c.page })}` : ""}
                  </summary>
                  <p className="mt-1 text-xs break-words whitespace-pre-wrap text-slate-700">{c.excerpt}</p>
                </details>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {m.feedback ? (
        <p className="flex flex-wrap items-center gap-2 text-slate-800">
          {m.feedback.rating === "down" ? <ThumbsDown aria-hidden className="size-4 text-crisis-700" /> : <ThumbsUp aria-hidden className="size-4 text-emerald-700" />}
          {m.feedback.rating === "down" ? t("doctor.log.feedback.down") : t("doctor.log.feedback.up")}
          {m.feedback.comment ? <span className="text-slate-700">{t("doctor.log.feedback.comment", { comment: m.feedback.comment })}</span> : null}
        </p>
      ) : null}
    </div>
  );
}

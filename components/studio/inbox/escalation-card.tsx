"use client";

import { useMutation } from "@tanstack/react-query";
import { Bell, Clock, PhoneCall } from "lucide-react";
import { useLocale, useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import { formatDuration } from "./format-duration";
import { ResolveForm } from "./resolve-form";
import { isOverTarget, waitedMs } from "./response-time";

export type Escalation = RouterOutputs["escalation"]["list"][number];

const STATUS_TONE = { open: "danger", acknowledged: "warning", resolved: "success" } as const;

export function EscalationCard({ escalation: e, now, onChange }: { escalation: Escalation; now: number; onChange: () => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const acknowledge = useMutation(trpc.escalation.acknowledge.mutationOptions({ onSuccess: onChange }));
  const headingId = `escalation-${e.id}`;
  const phrases = [...new Set(e.evidence.map((ev) => ev.phrase))];
  const waited = waitedMs(e, now);
  const overTarget = isOverTarget(e, now);

  return (
    <article
      aria-labelledby={headingId}
      data-testid="escalation"
      data-status={e.status}
      className={cn("flex flex-col gap-3 rounded-xl border bg-white p-4", e.status === "open" ? "border-crisis-600 border-l-4" : "border-slate-200")}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="mr-auto font-semibold text-slate-900">
          {t(`inbox.category.${e.category}`)} · {e.avatarName}
        </h3>
        {overTarget ? <Badge tone="danger">{t("inbox.overTarget", { minutes: e.responseTargetMinutes })}</Badge> : null}
        <Badge tone={e.level === "concern" ? "warning" : "danger"}>{t(`inbox.level.${e.level}`)}</Badge>
        <Badge tone={STATUS_TONE[e.status]}>{t(`inbox.status.${e.status}`)}</Badge>
      </div>

      {e.message === null ? (
        <p className="text-sm text-slate-700 italic" data-testid="escalation-message">
          {t("inbox.messageErased")}
        </p>
      ) : (
        <blockquote className="rounded-lg border-l-4 border-slate-300 bg-slate-50 px-3 py-2 leading-relaxed whitespace-pre-wrap text-slate-900" data-testid="escalation-message">
          <span className="sr-only">{t("inbox.patientWrote")}</span>
          {e.message}
        </blockquote>
      )}

      {phrases.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1.5 text-sm">
          <span className="text-slate-700">{t("inbox.evidence")}</span>
          {phrases.map((p) => (
            <Badge key={p} tone="neutral" className="font-normal">
              “{p}”
            </Badge>
          ))}
        </div>
      ) : null}

      <p className={cn("flex flex-wrap items-center gap-1.5 text-sm", e.status === "open" ? "font-semibold text-crisis-700" : "text-slate-700")}>
        <Clock aria-hidden className="size-4" />
        <span data-testid="escalation-waited">
          {t(e.status === "open" ? "inbox.waiting" : "inbox.waited", { duration: formatDuration(waited, t) })}
        </span>
        <span className="font-normal text-slate-600">· {new Date(e.createdAt).toLocaleString(locale)}</span>
      </p>

      {e.failedDeliveries.length > 0 ? (
        <Alert tone="danger" title={t("inbox.delivery.failed")} data-testid="escalation-delivery-failed">
          <p>{t("inbox.delivery.failedBody")}</p>
          <ul className="mt-1 list-disc pl-5">
            {e.failedDeliveries.map((d) => (
              <li key={d.channel}>
                {t(`inbox.delivery.channel.${d.channel}`)}
                {d.lastError ? (
                  <>
                    {" · "}
                    <span className="text-slate-700">{t("inbox.delivery.reason")}</span> <span lang="en">{d.lastError}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

      {e.callbackPhone ? (
        <p className="flex flex-wrap items-center gap-1.5 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="escalation-callback">
          <PhoneCall aria-hidden className="size-4" />
          {t("inbox.callback")}
          <a href={`tel:${e.callbackPhone.replace(/[^\d+]/g, "")}`} className="font-semibold underline underline-offset-4">
            {e.callbackPhone}
          </a>
          {e.callbackRequestedAt ? <span className="text-amber-900">· {new Date(e.callbackRequestedAt).toLocaleString(locale)}</span> : null}
        </p>
      ) : null}

      {e.status === "resolved" ? (
        <Alert tone="success" title={t("inbox.resolution")}>
          <p className="whitespace-pre-wrap">{e.resolutionNote}</p>
        </Alert>
      ) : (
        <div className="flex flex-col gap-3 border-t border-slate-200 pt-3">
          {e.status === "open" ? (
            <div>
              <Button onClick={() => acknowledge.mutate({ escalationId: e.id })} disabled={acknowledge.isPending}>
                {acknowledge.isPending ? <Spinner /> : <Bell aria-hidden />}
                {t("inbox.acknowledge")}
              </Button>
            </div>
          ) : null}
          {acknowledge.isError ? (
            <Alert tone="danger" role="alert">
              {acknowledge.error.message}
            </Alert>
          ) : null}
          <ResolveForm escalationId={e.id} onResolved={onChange} />
        </div>
      )}
    </article>
  );
}

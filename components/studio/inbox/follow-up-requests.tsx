"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Mail, Phone, UserRoundCheck } from "lucide-react";
import { useState } from "react";
import { useLocale, useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";

type Status = "open" | "contacted" | "closed";
const STATUSES: Status[] = ["open", "contacted", "closed"];
const TONE = { open: "warning", contacted: "brand", closed: "neutral" } as const;

/** "Ask a human doctor" requests for this member's avatars (all of the organization's for admins and on-call staff). */
export function FollowUpRequests() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status | "">("open");
  const list = useQuery({ ...trpc.followUp.list.queryOptions(status ? { status } : undefined), refetchInterval: 15_000 });
  const update = useMutation(
    trpc.followUp.setStatus.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.followUp.list.queryKey() }) }),
  );
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  // Members whose role does not handle follow-ups (reviewers) do not see the section at all.
  if (list.error?.data?.code === "FORBIDDEN") return null;

  return (
    <section aria-labelledby="follow-ups-title" data-testid="follow-up-requests" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="follow-ups-title" className="text-lg font-semibold text-slate-900">
            {t("studio.followUps.title")}
          </h2>
          <p className="text-sm text-slate-700">{t("studio.followUps.lead")}</p>
        </div>
        <div className="flex w-40 flex-col gap-1">
          <Label htmlFor="follow-up-status">{t("studio.followUps.filter")}</Label>
          <Select id="follow-up-status" value={status} onChange={(e) => setStatus(e.target.value as Status | "")}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`studio.followUps.status.${s}`)}
              </option>
            ))}
            <option value="">{t("studio.followUps.all")}</option>
          </Select>
        </div>
      </div>
      {list.isPending ? (
        <Spinner label={t("common.loading")} />
      ) : list.isError ? (
        <Alert tone="danger" role="alert" title={t("studio.followUps.error")}>
          {list.error.message}
        </Alert>
      ) : list.data.length === 0 ? (
        <EmptyState icon={UserRoundCheck} title={t("studio.followUps.empty.title")} description={t("studio.followUps.empty.body")} />
      ) : (
        <ul className="flex flex-col gap-3">
          {list.data.map((f) => {
            const Icon = f.contactKind === "email" ? Mail : Phone;
            const href = f.contactKind === "email" ? `mailto:${f.contact}` : `tel:${f.contact.replace(/[^\d+]/g, "")}`;
            return (
              <li key={f.id} data-testid="follow-up" className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <a href={href} className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand-800 underline underline-offset-4">
                    <Icon aria-hidden className="size-4" />
                    {f.contact}
                  </a>
                  <Badge tone={TONE[f.status]}>{t(`studio.followUps.status.${f.status}`)}</Badge>
                </div>
                <p className="text-xs text-slate-600">
                  {format.format(new Date(f.createdAt))} · {t("studio.followUps.via", { avatar: f.avatarName })}
                </p>
                {f.note ? (
                  <p className="text-sm text-slate-800">
                    <span className="font-medium">{t("studio.followUps.note")}: </span>
                    {f.note}
                  </p>
                ) : null}
                {f.lastQuestion ? (
                  <p className="text-sm text-slate-700">
                    <span className="font-medium">{t("studio.followUps.lastQuestion")}: </span>“{f.lastQuestion}”
                  </p>
                ) : null}
                <div className="flex flex-wrap gap-2">
                  {f.status === "open" ? (
                    <Button size="sm" variant="secondary" disabled={update.isPending} onClick={() => update.mutate({ followUpId: f.id, status: "contacted" })}>
                      {t("studio.followUps.markContacted")}
                    </Button>
                  ) : null}
                  {f.status !== "closed" ? (
                    <Button size="sm" variant="ghost" disabled={update.isPending} onClick={() => update.mutate({ followUpId: f.id, status: "closed" })}>
                      {t("studio.followUps.close")}
                    </Button>
                  ) : (
                    <Button size="sm" variant="ghost" disabled={update.isPending} onClick={() => update.mutate({ followUpId: f.id, status: "open" })}>
                      {t("studio.followUps.reopen")}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {update.isError ? (
        <Alert tone="danger" role="alert">
          {update.error.message}
        </Alert>
      ) : null}
    </section>
  );
}

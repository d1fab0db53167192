"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Download, ScrollText } from "lucide-react";
import { useId, useState } from "react";
import { useLocale, useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

const PAGE = 100;

interface Filters {
  from: string;
  to: string;
  action: string;
  actor: string;
}
const NO_FILTERS: Filters = { from: "", to: "", action: "", actor: "" };

/** The filters as the server takes them: dates are whole days in the viewer's time zone, "to" inclusive. */
function toQuery(f: Filters) {
  const day = (d: string, plusDays = 0) => {
    const date = new Date(`${d}T00:00:00`);
    date.setDate(date.getDate() + plusDays);
    return date;
  };
  return {
    from: f.from ? day(f.from) : undefined,
    to: f.to ? day(f.to, 1) : undefined,
    action: f.action.trim() || undefined,
    actor: f.actor.trim() || undefined,
  };
}

function exportHref(f: Filters): string {
  const q = toQuery(f);
  const params = new URLSearchParams();
  if (q.from) params.set("from", q.from.toISOString());
  if (q.to) params.set("to", q.to.toISOString());
  if (q.action) params.set("action", q.action);
  if (q.actor) params.set("actor", q.actor);
  return `/api/audit/export?${params}`;
}

/** The organization's append-only audit log, filtered and paged newest first, downloadable as CSV. */
export function AuditLog() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const id = useId();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const entries = useInfiniteQuery(
    trpc.governance.audit.infiniteQueryOptions(
      { ...toQuery(applied), limit: PAGE },
      {
        getNextPageParam: (last) => (last.length === PAGE ? { createdAt: last[PAGE - 1]!.createdAt, id: last[PAGE - 1]!.id } : undefined),
        initialCursor: undefined,
      },
    ),
  );
  const field = (name: keyof Filters) => `${id}-${name}`;
  const input = (name: keyof Filters, type = "text") => ({
    id: field(name),
    type,
    value: draft[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDraft((d) => ({ ...d, [name]: e.target.value })),
  });
  const rows = entries.data?.pages.flat() ?? [];

  return (
    <div className="flex flex-col gap-6">
      <form
        aria-label={t("governance.audit.filters")}
        className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(draft);
        }}
      >
        <Field label={t("governance.audit.from")} htmlFor={field("from")}>
          <Input {...input("from", "date")} />
        </Field>
        <Field label={t("governance.audit.to")} htmlFor={field("to")}>
          <Input {...input("to", "date")} />
        </Field>
        <Field label={t("governance.audit.action")} htmlFor={field("action")} hint={t("governance.audit.actionHint")}>
          <Input {...input("action")} aria-describedby={describedBy(field("action"), { hint: true })} spellCheck={false} />
        </Field>
        <Field label={t("governance.audit.actor")} htmlFor={field("actor")} hint={t("governance.audit.actorHint")}>
          <Input {...input("actor")} aria-describedby={describedBy(field("actor"), { hint: true })} spellCheck={false} />
        </Field>
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit">{t("governance.audit.apply")}</Button>
          <Button
            variant="secondary"
            onClick={() => {
              setDraft(NO_FILTERS);
              setApplied(NO_FILTERS);
            }}
          >
            {t("governance.audit.reset")}
          </Button>
          <Button asChild variant="secondary" className="sm:ml-auto">
            <a href={exportHref(applied)} download>
              <Download aria-hidden />
              {t("governance.audit.download")}
            </a>
          </Button>
        </div>
      </form>

      {entries.isPending ? (
        <Spinner label={t("common.loading")} />
      ) : entries.isError ? (
        <Alert tone="danger" role="alert">
          {entries.error.message}
        </Alert>
      ) : rows.length === 0 ? (
        <EmptyState icon={ScrollText} title={t("governance.audit.empty.title")} description={t("governance.audit.empty.body")} />
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">{t("governance.audit.title")}</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("governance.audit.col.time")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("governance.audit.col.actor")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("governance.audit.col.action")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("governance.audit.col.target")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("governance.audit.col.details")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 align-top">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-700">{new Date(r.createdAt).toLocaleString(locale)}</td>
                  <td className="px-3 py-2 text-slate-900">{r.actorLabel}</td>
                  <td className="px-3 py-2 font-mono text-xs text-slate-900">{r.action}</td>
                  <td className="px-3 py-2 font-mono text-xs text-slate-700">{r.targetType ? `${r.targetType} ${r.targetId ?? ""}` : ""}</td>
                  <td className="max-w-md px-3 py-2">
                    <code className="line-clamp-3 break-all text-xs text-slate-700">{JSON.stringify(r.details)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.hasNextPage ? (
        <Button variant="secondary" className="self-center" onClick={() => entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
          {t("governance.audit.loadMore")}
        </Button>
      ) : null}
    </div>
  );
}

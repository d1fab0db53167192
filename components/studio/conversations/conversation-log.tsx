"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { MessagesSquare, Search } from "lucide-react";
import { useId, useState } from "react";
import { useLocale, useT } from "@/components/i18n/client";
import { type RouterInputs, useTRPC } from "@/components/trpc/react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { QueryState } from "@/components/studio/query-state";
import { formatWhen } from "@/components/studio/versions/format";
import { Transcript } from "./transcript";

type Filter = RouterInputs["conversationLog"]["list"];
const KINDS = ["crisis", "check_in", "answered", "no_answer", "thumbs_down"] as const;

/** Reads the filter form: dates are whole days in the doctor's time zone. */
function filterFrom(form: HTMLFormElement, avatarId: string): Filter {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const day = (value: string, end: boolean) => (value ? new Date(`${value}T${end ? "23:59:59.999" : "00:00:00"}`) : undefined);
  return {
    avatarId,
    from: day(text("from"), false),
    to: day(text("to"), true),
    version: text("version") || undefined,
    kind: (text("kind") || undefined) as Filter["kind"],
    language: (text("language") || undefined) as Filter["language"],
    q: text("q") || undefined,
  };
}

/** The avatar's conversation log with filters; opening one shows its transcript. */
export function ConversationLog({ avatarId }: { avatarId: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const id = useId();
  const [filter, setFilter] = useState<Filter>({ avatarId });
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({ ...trpc.conversationLog.list.queryOptions(filter), placeholderData: keepPreviousData });
  const versions = useQuery(trpc.version.list.queryOptions({ avatarId }));

  if (openId) return <Transcript conversationId={openId} onBack={() => setOpenId(null)} />;

  return (
    <section className="flex flex-col gap-4" aria-labelledby={`${id}-title`} data-testid="conversation-log">
      <div className="flex flex-col gap-1">
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {t("doctor.log.title")}
        </h2>
        <p className="text-sm text-slate-700">{t("doctor.log.lead")}</p>
      </div>
      <form
        role="search"
        aria-label={t("doctor.log.filter.legend")}
        className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter(filterFrom(event.currentTarget, avatarId));
        }}
        onReset={() => setFilter({ avatarId })}
      >
        <Field label={t("doctor.log.filter.from")} htmlFor={`${id}-from`}>
          <Input id={`${id}-from`} name="from" type="date" />
        </Field>
        <Field label={t("doctor.log.filter.to")} htmlFor={`${id}-to`}>
          <Input id={`${id}-to`} name="to" type="date" />
        </Field>
        <Field label={t("doctor.log.filter.version")} htmlFor={`${id}-version`}>
          <Select id={`${id}-version`} name="version" defaultValue="">
            <option value="">{t("doctor.log.filter.version.all")}</option>
            <option value="preview">{t("doctor.log.filter.version.preview")}</option>
            {versions.data?.versions.map((v) => (
              <option key={v.id} value={v.id}>
                {t("doctor.versions.number", { number: v.number })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("doctor.log.filter.kind")} htmlFor={`${id}-kind`}>
          <Select id={`${id}-kind`} name="kind" defaultValue="">
            <option value="">{t("doctor.log.filter.kind.all")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`doctor.log.filter.kind.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("doctor.log.filter.language")} htmlFor={`${id}-language`}>
          <Select id={`${id}-language`} name="language" defaultValue="">
            <option value="">{t("doctor.log.filter.language.all")}</option>
            <option value="zh">{t("doctor.log.filter.language.zh")}</option>
            <option value="en">{t("doctor.log.filter.language.en")}</option>
          </Select>
        </Field>
        <Field label={t("doctor.log.filter.q")} htmlFor={`${id}-q`}>
          <Input id={`${id}-q`} name="q" type="search" maxLength={200} />
        </Field>
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-3">
          <Button type="submit" disabled={list.isFetching}>
            {list.isFetching ? <Spinner /> : <Search aria-hidden />}
            {t("doctor.log.filter.apply")}
          </Button>
          <Button type="reset" variant="secondary">
            {t("doctor.log.filter.reset")}
          </Button>
        </div>
      </form>
      <div aria-live="polite" aria-busy={list.isFetching}>
        <QueryState
          query={list}
          errorText={t("doctor.log.loadError")}
          isEmpty={(data) => data.conversations.length === 0}
          empty={<EmptyState icon={MessagesSquare} title={t("doctor.log.empty.title")} description={t("doctor.log.empty.body")} />}
        >
          {(data) => (
            <>
              <ul className="flex flex-col gap-2">
                {data.conversations.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      onClick={() => setOpenId(c.id)}
                      className="flex w-full flex-col gap-1 rounded-xl border border-slate-200 bg-white p-3 text-left hover:border-brand-600 focus-visible:border-brand-600 sm:p-4"
                      data-testid="conversation-item"
                    >
                      <span className="line-clamp-2 font-medium break-words text-slate-900">{c.firstQuestion ?? t("doctor.log.noQuestion")}</span>
                      <span className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                        <span>{formatWhen(locale, c.lastMessageAt)}</span>
                        <span>{t("doctor.log.messages", { count: c.messageCount })}</span>
                        {c.versionNumber === null ? <Badge>{t("doctor.log.preview")}</Badge> : <Badge tone="brand">{t("doctor.versions.number", { number: c.versionNumber })}</Badge>}
                        {c.crisis ? <Badge tone="danger">{t("doctor.log.filter.kind.crisis")}</Badge> : null}
                        {c.checkIn ? <Badge tone="warning">{t("doctor.log.filter.kind.check_in")}</Badge> : null}
                        {c.noAnswer ? <Badge tone="warning">{t("doctor.log.filter.kind.no_answer")}</Badge> : null}
                        {c.thumbsDown > 0 ? <Badge tone="warning">{t("doctor.log.filter.kind.thumbs_down")}</Badge> : null}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              {data.more ? <p className="mt-2 text-sm text-slate-600">{t("doctor.log.more", { count: data.conversations.length })}</p> : null}
            </>
          )}
        </QueryState>
      </div>
    </section>
  );
}

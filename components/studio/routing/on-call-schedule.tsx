"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CalendarPlus, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { useLocale, useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { OnCallNow } from "./on-call-now";

const DAY = 86_400_000;

/** A datetime-local value for a Date, in the browser's time zone. */
function localInput(d: Date): string {
  const shifted = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** The admin's view of the on-call schedule: who is on now, the next two weeks, and adding or removing shifts. */
export function OnCallSchedule() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [range] = useState(() => {
    const now = Date.now();
    return { from: new Date(now - DAY), to: new Date(now + 14 * DAY) };
  });
  const members = useQuery(trpc.org.members.queryOptions());
  const departments = useQuery(trpc.org.departments.queryOptions());
  const shifts = useQuery(trpc.routing.shifts.queryOptions(range));
  const [draft, setDraft] = useState(() => {
    const start = new Date();
    start.setMinutes(0, 0, 0);
    return { userId: "", departmentId: "", startsAt: localInput(start), endsAt: localInput(new Date(start.getTime() + 12 * 3_600_000)) };
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.routing.pathKey() });
  const add = useMutation(trpc.routing.addShift.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.routing.removeShift.mutationOptions({ onSuccess: refresh }));
  const when = (d: Date) => new Date(d).toLocaleString(locale, { dateStyle: "short", timeStyle: "short" });
  const field = (name: string) => `${id}-${name}`;

  return (
    <div className="flex flex-col gap-5">
      <OnCallNow />
      <form
        className="grid gap-4 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ userId: draft.userId, departmentId: draft.departmentId || null, startsAt: new Date(draft.startsAt), endsAt: new Date(draft.endsAt) });
        }}
      >
        <Field label={t("routing.oncall.member")} htmlFor={field("member")}>
          <Select id={field("member")} required value={draft.userId} onChange={(e) => setDraft((d) => ({ ...d, userId: e.target.value }))}>
            <option value="" disabled>
              —
            </option>
            {(members.data ?? []).map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name || m.email} ({m.email})
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("routing.oncall.department")} htmlFor={field("department")}>
          <Select id={field("department")} value={draft.departmentId} onChange={(e) => setDraft((d) => ({ ...d, departmentId: e.target.value }))}>
            <option value="">{t("routing.oncall.wholeOrg")}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("routing.oncall.starts")} htmlFor={field("starts")}>
          <Input id={field("starts")} type="datetime-local" required value={draft.startsAt} onChange={(e) => setDraft((d) => ({ ...d, startsAt: e.target.value }))} />
        </Field>
        <Field label={t("routing.oncall.ends")} htmlFor={field("ends")}>
          <Input id={field("ends")} type="datetime-local" required value={draft.endsAt} onChange={(e) => setDraft((d) => ({ ...d, endsAt: e.target.value }))} />
        </Field>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Button type="submit" disabled={add.isPending}>
            <CalendarPlus aria-hidden />
            {t("routing.oncall.add")}
          </Button>
          {add.isSuccess ? (
            <p role="status" className="text-sm text-brand-800">
              {t("routing.oncall.added")}
            </p>
          ) : null}
        </div>
        {add.isError ? (
          <Alert tone="danger" role="alert" className="sm:col-span-2">
            {add.error.message}
          </Alert>
        ) : null}
      </form>
      <section aria-labelledby={field("upcoming")} className="flex flex-col gap-2">
        <h3 id={field("upcoming")} className="font-semibold text-slate-900">
          {t("routing.oncall.upcoming")}
        </h3>
        {shifts.data?.length ? (
          <ul className="flex flex-col divide-y divide-slate-200 rounded-xl border border-slate-200" data-testid="on-call-shifts">
            {shifts.data.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                <span className="text-slate-900">
                  {t("routing.oncall.shift", { name: s.name || s.email, department: s.departmentName ?? t("routing.oncall.wholeOrg"), from: when(s.startsAt), to: when(s.endsAt) })}
                </span>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t("routing.oncall.remove", { name: s.name || s.email, time: when(s.startsAt) })}
                  onClick={() => remove.mutate({ shiftId: s.id })}
                  disabled={remove.isPending}
                >
                  <Trash2 aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">{t("routing.oncall.none")}</p>
        )}
      </section>
    </div>
  );
}

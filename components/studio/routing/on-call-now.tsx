"use client";

import { useQuery } from "@tanstack/react-query";
import { PhoneCall } from "lucide-react";
import { useLocale, useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";

/** Who is on call right now, for the inbox and the schedule. */
export function OnCallNow() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const now = useQuery({ ...trpc.routing.onCallNow.queryOptions(), refetchInterval: 60_000 });
  if (!now.data) return null;
  const time = (d: Date) => new Date(d).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
  return (
    <section aria-labelledby="on-call-now" className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="on-call-now" className="flex items-center gap-2 text-base font-semibold text-slate-900">
        <PhoneCall aria-hidden className="size-4 text-brand-700" />
        {t("routing.oncall.now")}
      </h2>
      {now.data.length === 0 ? (
        <p className="text-sm text-slate-700">{t("routing.oncall.nobody")}</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm text-slate-900" data-testid="on-call-now">
          {now.data.map((s) => (
            <li key={s.id}>
              {t("routing.oncall.shift", { name: s.name || s.email, department: s.departmentName ?? t("routing.oncall.wholeOrg"), from: time(s.startsAt), to: time(s.endsAt) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

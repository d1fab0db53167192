"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { EscalationCard } from "./escalation-card";
import { useEscalationEvents } from "./use-escalation-events";
import { useNow } from "./use-now";

/** Escalations routed to this member, live over server events and polled every 3 s; the unresolved ones come first. */
export function EscalationInbox() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = useNow(1000);
  const escalations = useQuery({ ...trpc.escalation.list.queryOptions(), refetchInterval: 3000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.escalation.list.queryKey() });
  useEscalationEvents(refresh);

  if (escalations.isPending) return <Spinner label={t("common.loading")} />;
  if (escalations.isError) {
    return (
      <Alert tone="danger" role="alert">
        {escalations.error.message}
      </Alert>
    );
  }
  const active = escalations.data.filter((e) => e.status !== "resolved");
  const resolved = escalations.data.filter((e) => e.status === "resolved");
  const open = active.filter((e) => e.status === "open").length;

  return (
    <div className="flex flex-col gap-8">
      <p role="status" className="text-slate-800">
        {open > 0 ? t("inbox.summary.open", { count: open }) : t("inbox.summary.none")}
      </p>
      <section aria-labelledby="inbox-active" className="flex flex-col gap-3">
        <h2 id="inbox-active" className="text-lg font-semibold text-slate-900">
          {t("inbox.active")}
        </h2>
        {active.length === 0 ? (
          <EmptyState icon={ShieldCheck} title={t("inbox.empty.title")} description={t("inbox.empty.body")} />
        ) : (
          <ul className="flex flex-col gap-3">
            {active.map((e) => (
              <li key={e.id}>
                <EscalationCard escalation={e} now={now} onChange={refresh} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {resolved.length > 0 ? (
        <section aria-labelledby="inbox-resolved" className="flex flex-col gap-3">
          <h2 id="inbox-resolved" className="text-lg font-semibold text-slate-900">
            {t("inbox.resolved")}
          </h2>
          <ul className="flex flex-col gap-3">
            {resolved.map((e) => (
              <li key={e.id}>
                <EscalationCard escalation={e} now={now} onChange={refresh} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ListChecks, MessagesSquare, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { useLocale, useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { Turn } from "./consult-panel";

type Demonstration = RouterOutputs["demonstration"]["list"][number];

/** The doctor's saved consultations of this avatar: mark examples, suggest a protocol, delete. */
export function DemonstrationList({ avatarId }: { avatarId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const demos = useQuery(trpc.demonstration.list.queryOptions({ avatarId }));

  if (demos.isPending) return <Spinner label={t("common.loading")} />;
  if (demos.isError) {
    return (
      <Alert tone="danger" role="alert">
        {demos.error.message}
      </Alert>
    );
  }
  if (demos.data.length === 0) return <EmptyState icon={MessagesSquare} title={t("demos.empty")} />;
  return (
    <ul className="flex flex-col gap-3" data-testid="demonstrations">
      {demos.data.map((d) => (
        <DemonstrationItem key={d.id} demo={d} avatarId={avatarId} />
      ))}
    </ul>
  );
}

function DemonstrationItem({ demo, avatarId }: { demo: Demonstration; avatarId: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.demonstration.list.queryKey({ avatarId }) });
  const onError = (e: { message: string }) => setFailure(e.message);
  const setExample = useMutation(trpc.demonstration.setExample.mutationOptions({ onSuccess: () => void refresh(), onError }));
  const suggest = useMutation(
    trpc.demonstration.suggestProtocol.mutationOptions({
      onSuccess: () => {
        setFailure(null);
        // The new draft belongs to the avatar's protocols; refresh them wherever they are shown.
        void queryClient.invalidateQueries({ queryKey: trpc.protocol.pathKey() });
      },
      onError,
    }),
  );
  const remove = useMutation(trpc.demonstration.delete.mutationOptions({ onSuccess: () => void refresh(), onError }));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(demo.createdAt);

  return (
    <li className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="demonstration">
      <div className="flex flex-wrap items-center gap-2">
        <p className="min-w-0 flex-1 font-medium text-slate-900">{t("demos.item", { name: demo.caseName, date, count: demo.questions })}</p>
        {demo.isExample ? <Badge tone="success">{t("demos.example")}</Badge> : null}
      </div>
      <p className="text-sm text-slate-700">{demo.chiefComplaint}</p>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex items-center gap-2">
          <Switch
            id={`${id}-example`}
            checked={demo.isExample}
            disabled={setExample.isPending}
            onCheckedChange={(isExample) => setExample.mutate({ demonstrationId: demo.id, isExample })}
          />
          <label htmlFor={`${id}-example`} className="text-sm text-slate-800">
            {t("demos.markExample")}
          </label>
        </div>
        <Button variant="secondary" size="sm" disabled={suggest.isPending} onClick={() => suggest.mutate({ demonstrationId: demo.id })}>
          <ListChecks aria-hidden />
          {t("demos.suggest")}
        </Button>
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm">
              <Trash2 aria-hidden />
              {t("demos.delete")}
            </Button>
          }
          title={t("demos.delete.title")}
          description={t("demos.delete.body")}
          confirmLabel={t("demos.delete")}
          cancelLabel={t("common.cancel")}
          onConfirm={() => remove.mutate({ demonstrationId: demo.id })}
        />
      </div>
      {failure ? (
        <Alert tone="danger" role="alert">
          {failure}
        </Alert>
      ) : null}
      {suggest.data ? (
        <Alert tone="success" role="status" title={t("demos.suggested", { title: suggest.data.draft.title })}>
          <ol className="mt-1 list-decimal pl-5" data-testid="suggested-questions">
            {suggest.data.draft.questions.map((q) => (
              <li key={q.id}>{q.text}</li>
            ))}
          </ol>
        </Alert>
      ) : null}
      <details className="group">
        <summary className="min-h-11 cursor-pointer content-center text-sm font-medium text-brand-700">{t("demos.transcript")}</summary>
        <ol aria-label={t("demos.transcript")} lang={demo.language} className="mt-2 flex flex-col gap-2 rounded-xl bg-slate-50 p-3">
          {demo.transcript.map((turn, i) => (
            <Turn key={i} turn={turn} />
          ))}
        </ol>
      </details>
    </li>
  );
}

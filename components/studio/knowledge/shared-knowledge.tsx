"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Building2 } from "lucide-react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";

/** The shared corpora (the hospital's, departments') an avatar draws on, each switchable by its doctor. */
export function SharedKnowledge({ avatarId }: { avatarId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const corpora = useQuery(trpc.corpora.forAvatar.queryOptions({ avatarId }));
  const setIncluded = useMutation(
    trpc.corpora.setIncluded.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.corpora.forAvatar.queryKey({ avatarId }) }),
    }),
  );

  if (corpora.isPending) return <Spinner label={t("common.loading")} />;
  if (corpora.isError) {
    return (
      <Alert tone="danger" role="alert">
        {corpora.error.message}
      </Alert>
    );
  }
  if (corpora.data.every((c) => c.documents === 0)) return <EmptyState icon={Building2} title={t("corpora.avatar.empty")} />;
  return (
    <div className="flex flex-col gap-3">
      <ul data-testid="shared-corpora" className="flex flex-col divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {corpora.data.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div className="flex min-w-0 flex-col gap-1">
              <span className="font-medium text-slate-900">{c.name}</span>
              <span className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                <Badge tone={c.kind === "organization" ? "brand" : "neutral"}>
                  {t(c.kind === "organization" ? "corpora.kind.organization" : "corpora.kind.department")}
                </Badge>
                {t("corpora.admin.counts", { documents: c.documents, passages: c.passages })}
                {c.includedByDefault ? <span>· {t("corpora.avatar.byDefault")}</span> : null}
              </span>
            </div>
            <Switch
              checked={c.included}
              disabled={setIncluded.isPending}
              aria-label={t("corpora.avatar.include", { name: c.name })}
              onCheckedChange={(included) => setIncluded.mutate({ avatarId, corpusId: c.id, included })}
            />
          </li>
        ))}
      </ul>
      {setIncluded.isError ? (
        <Alert tone="danger" role="alert">
          {setIncluded.error.message}
        </Alert>
      ) : null}
    </div>
  );
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ClipboardList, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { draftOf, emptyProtocol, inputOf, type ProtocolDraft } from "./protocol-draft";
import { ProtocolForm } from "./protocol-form";

/** The Protocols tab: the avatar's consultation protocols, with an editor for one at a time. */
export function ProtocolsPanel({ avatarId, published }: { avatarId: string; published: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.protocol.list.queryOptions({ avatarId }));
  const [editing, setEditing] = useState<{ id: string | null; draft: ProtocolDraft } | null>(null);
  const [saved, setSaved] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.protocol.list.queryKey({ avatarId }) });
  const onSaved = {
    onSuccess: () => {
      setEditing(null);
      setSaved(true);
      void refresh();
    },
  };
  const create = useMutation(trpc.protocol.create.mutationOptions(onSaved));
  const update = useMutation(trpc.protocol.update.mutationOptions(onSaved));
  const remove = useMutation(trpc.protocol.delete.mutationOptions({ onSuccess: () => void refresh() }));
  const toggle = useMutation(trpc.protocol.setEnabled.mutationOptions({ onSuccess: () => void refresh() }));
  const saving = create.isPending || update.isPending;

  function save(draft: ProtocolDraft) {
    setSaved(false);
    const protocol = inputOf(draft);
    if (editing?.id) update.mutate({ protocolId: editing.id, protocol });
    else create.mutate({ avatarId, protocol });
  }

  return (
    <section aria-labelledby="protocols-title" className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h2 id="protocols-title" className="text-xl font-semibold text-slate-900">
          {t("protocols.title")}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{t("protocols.lead")}</p>
        {published ? <p className="text-sm text-slate-600">{t("protocols.publishNote")}</p> : null}
      </div>
      {saved ? (
        <Alert tone="success" role="status">
          {t("protocols.form.saved")}
        </Alert>
      ) : null}

      {editing ? (
        <ProtocolForm
          key={editing.id ?? "new"}
          initial={editing.draft}
          heading={editing.id ? t("protocols.form.editing") : t("protocols.form.new")}
          pending={saving}
          error={(editing.id ? update.error : create.error)?.message ?? null}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div>
          <Button
            onClick={() => {
              setSaved(false);
              create.reset();
              setEditing({ id: null, draft: emptyProtocol() });
            }}
          >
            <Plus aria-hidden />
            {t("protocols.add")}
          </Button>
        </div>
      )}

      {list.isPending ? (
        <Spinner label={t("protocols.loading")} />
      ) : list.isError ? (
        <Alert tone="danger" role="alert">
          {t("protocols.loadError")} {list.error.message}
        </Alert>
      ) : list.data.length === 0 ? (
        editing ? null : <EmptyState icon={ClipboardList} title={t("protocols.empty")} description={t("protocols.emptyHint")} />
      ) : (
        <ul className="flex flex-col gap-3" aria-label={t("protocols.title")}>
          {list.data.map((p) => (
            <li key={p.id} data-testid="protocol" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="flex min-w-0 flex-col gap-1">
                <h3 className="font-medium break-words text-slate-900">{p.title}</h3>
                <p className="text-sm break-words text-slate-700">{[...p.triggersZh, ...p.triggersEn].join(" · ")}</p>
                <div className="flex flex-wrap gap-2">
                  <Badge>{t("protocols.questionsCount", { count: p.questions.length })}</Badge>
                  <Badge tone="brand">{t(`urgency.${p.closingUrgency}`)}</Badge>
                </div>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                <label className="flex min-h-11 items-center gap-2 text-sm text-slate-900">
                  <Switch
                    checked={p.enabled}
                    disabled={toggle.isPending}
                    onCheckedChange={(enabled) => toggle.mutate({ protocolId: p.id, enabled })}
                    aria-label={`${t("protocols.enabled")}: ${p.title}`}
                  />
                  {t("protocols.enabled")}
                </label>
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`${t("protocols.edit")}: ${p.title}`}
                  onClick={() => {
                    setSaved(false);
                    update.reset();
                    setEditing({ id: p.id, draft: draftOf(p) });
                  }}
                >
                  <Pencil aria-hidden />
                  {t("protocols.edit")}
                </Button>
                <ConfirmDialog
                  trigger={
                    <Button variant="ghost" size="sm" aria-label={`${t("protocols.delete")}: ${p.title}`}>
                      <Trash2 aria-hidden />
                      {t("protocols.delete")}
                    </Button>
                  }
                  title={t("protocols.deleteTitle", { title: p.title })}
                  description={t("protocols.deleteDescription")}
                  confirmLabel={t("protocols.delete")}
                  cancelLabel={t("protocols.cancel")}
                  onConfirm={() => remove.mutate({ protocolId: p.id })}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

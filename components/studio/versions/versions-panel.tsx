"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { History, RotateCcw } from "lucide-react";
import { useEffect, useState } from "react";
import { useLocale, useT } from "@/components/i18n/client";
import { type RouterOutputs, useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { QueryState } from "@/components/studio/query-state";
import { fieldLabel, formatWhen } from "./format";
import { VersionDiffView } from "./version-diff-view";

type VersionItem = RouterOutputs["version"]["list"]["versions"][number];
type Changes = NonNullable<VersionItem["changes"]>;

/**
 * The avatar's versions: what the draft changes since the live one, and every version with who
 * published it, when and what it changed, each with a rollback.
 */
export function VersionsPanel({ avatarId, publishedVersionId, draftStamp }: { avatarId: string; publishedVersionId: string | null; draftStamp: string }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.version.list.queryOptions({ avatarId }));
  const [showDraft, setShowDraft] = useState(false);

  // A publish or a profile edit elsewhere in the workspace changes what this panel shows.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.version.pathKey() });
  }, [publishedVersionId, draftStamp, queryClient, trpc]);

  return (
    <QueryState query={list} errorText={t("doctor.versions.loadError")}>
      {({ versions, draftChanges, canEdit }) => (
        <section className="flex flex-col gap-4" aria-labelledby="versions-title" data-testid="versions-panel">
          <div className="flex flex-col gap-1">
            <h2 id="versions-title" className="text-lg font-semibold text-slate-900">
              {t("doctor.versions.title")}
            </h2>
            <p className="text-sm text-slate-700">{t("doctor.versions.lead")}</p>
          </div>
          {versions.length === 0 ? (
            <EmptyState icon={History} title={t("doctor.versions.empty.title")} description={t("doctor.versions.empty.body")} />
          ) : (
            <>
              <div className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4" data-testid="draft-changes">
                <h3 className="font-semibold text-slate-900">{t("doctor.versions.draft.title")}</h3>
                <p className="text-sm text-slate-700">
                  {draftChanges?.changed ? t("doctor.versions.draft.some", { number: versions[0]!.number }) : t("doctor.versions.draft.none")}
                </p>
                {draftChanges?.changed ? (
                  <>
                    <ChangeSummary changes={draftChanges} />
                    <div>
                      <Button variant="secondary" size="sm" aria-expanded={showDraft} onClick={() => setShowDraft((v) => !v)}>
                        {showDraft ? t("doctor.versions.hideDiff") : t("doctor.versions.showDraftDiff")}
                      </Button>
                    </div>
                    {showDraft ? <VersionDiffView avatarId={avatarId} /> : null}
                  </>
                ) : null}
              </div>
              <ol className="flex flex-col gap-3" aria-label={t("doctor.versions.title")}>
                {versions.map((v) => (
                  <VersionRow key={v.id} avatarId={avatarId} version={v} canEdit={canEdit} />
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </QueryState>
  );
}

function ChangeSummary({ changes }: { changes: Changes }) {
  const t = useT();
  const lines: string[] = [];
  if (changes.persona.length > 0) lines.push(t("doctor.versions.summary.persona", { fields: changes.persona.map((f) => fieldLabel(t, f)).join(", ") }));
  if (changes.protocolsAdded + changes.protocolsRemoved + changes.protocolsChanged > 0) {
    lines.push(t("doctor.versions.summary.protocols", { added: changes.protocolsAdded, removed: changes.protocolsRemoved, changed: changes.protocolsChanged }));
  }
  if (changes.documentsAdded + changes.documentsRemoved + changes.documentsReplaced > 0) {
    lines.push(t("doctor.versions.summary.documents", { added: changes.documentsAdded, removed: changes.documentsRemoved, replaced: changes.documentsReplaced }));
  }
  if (lines.length === 0) return <p className="text-sm text-slate-600">{t("doctor.versions.noChanges")}</p>;
  return (
    <ul className="flex list-disc flex-col gap-0.5 pl-5 text-sm text-slate-700">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function VersionRow({ avatarId, version: v, canEdit }: { avatarId: string; version: VersionItem; canEdit: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const rollback = useMutation(
    trpc.version.rollback.mutationOptions({
      // Persona, protocols, documents and versions all change: refresh the whole workspace.
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  const when = formatWhen(locale, v.publishedAt);
  const titles = (docs: { title: string }[]) => docs.map((d) => d.title).join(", ");

  return (
    <li className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4" data-testid="version-row" data-number={v.number}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold text-slate-900">{t("doctor.versions.number", { number: v.number })}</h3>
        {v.current ? <Badge tone="success">{t("doctor.versions.current")}</Badge> : null}
        {v.restoredFrom ? <Badge tone="brand">{t("doctor.versions.restoredFrom", { number: v.restoredFrom })}</Badge> : null}
      </div>
      <p className="text-sm text-slate-700">{v.publishedBy ? t("doctor.versions.by", { who: v.publishedBy, when }) : t("doctor.versions.byUnknown", { when })}</p>
      {v.documentCount !== null ? (
        <p className="text-sm text-slate-600">{t("doctor.versions.counts", { documents: v.documentCount, protocols: v.protocolCount ?? 0 })}</p>
      ) : null}
      {v.changes ? <ChangeSummary changes={v.changes} /> : <p className="text-sm text-slate-600">{t("doctor.versions.first")}</p>}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t("doctor.versions.hideDiff") : t("doctor.versions.showDiff")}
        </Button>
        {canEdit && !v.current ? (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" size="sm" disabled={rollback.isPending}>
                {rollback.isPending ? <Spinner /> : <RotateCcw aria-hidden />}
                {rollback.isPending ? t("doctor.versions.rollback.pending") : t("doctor.versions.rollback")}
              </Button>
            }
            title={t("doctor.versions.rollback.title", { number: v.number })}
            description={t("doctor.versions.rollback.body", { number: v.number })}
            confirmLabel={t("doctor.versions.rollback.confirm")}
            cancelLabel={t("common.cancel")}
            onConfirm={() => rollback.mutate({ avatarId, versionId: v.id })}
          />
        ) : null}
      </div>
      {open ? <VersionDiffView avatarId={avatarId} versionId={v.id} /> : null}
      {rollback.isSuccess ? (
        <Alert tone={rollback.data.missingDocuments.length > 0 ? "warning" : "success"} role="status" data-testid="rollback-result">
          <p>{t("doctor.versions.rollback.done", { number: rollback.data.version.number, from: rollback.data.restoredFrom })}</p>
          {rollback.data.missingDocuments.length > 0 ? (
            <p className="mt-1 font-medium">{t("doctor.versions.rollback.missing", { from: rollback.data.restoredFrom, titles: titles(rollback.data.missingDocuments) })}</p>
          ) : null}
          {rollback.data.replacedDocuments.length > 0 ? (
            <p className="mt-1">{t("doctor.versions.rollback.replaced", { from: rollback.data.restoredFrom, titles: titles(rollback.data.replacedDocuments) })}</p>
          ) : null}
        </Alert>
      ) : null}
      {rollback.isError ? (
        <Alert tone="danger" role="alert">
          {rollback.error.message}
        </Alert>
      ) : null}
    </li>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ChevronDown, PenLine, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { useLocale, useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Label } from "@/components/ui/label";
import { Progress } from "@/components/ui/progress";
import { Switch } from "@/components/ui/switch";
import { DocumentStatusBadge, isInProgress, type StudioDocument } from "./document-status";
import { OcrSummary } from "./ocr-summary";
import { PassagesList } from "./passages-list";
import { ProvenanceSummary } from "./provenance";
import { ProvenanceEditor } from "./provenance-editor";
import { ReplaceButton, ReplacementStatus } from "./replace-document";
import { type KnowledgeOwner, documentsKey } from "./owner";

const FAQ_FORMATS = new Set(["csv", "xlsx"]);

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function DocumentItem({ document: doc, owner }: { document: StudioDocument; owner: KnowledgeOwner }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [showPassages, setShowPassages] = useState(false);
  const [editing, setEditing] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: documentsKey(trpc, owner) });
  const setEnabled = useMutation(trpc.knowledge.setEnabled.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.knowledge.delete.mutationOptions({ onSuccess: refresh }));
  const actionError = setEnabled.error ?? remove.error;

  return (
    <li data-testid="document" data-status={doc.status} className={cn("flex flex-col gap-3 p-4", !doc.enabled && "bg-slate-50")}>
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <div className="min-w-0 flex-1">
          <h3 className="font-medium break-words text-slate-900">{doc.title}</h3>
          <p className="text-xs text-slate-600">
            {[doc.filename ?? t("knowledge.pasted"), formatBytes(doc.byteSize), new Date(doc.createdAt).toLocaleString(locale)].join(" · ")}
          </p>
          <ProvenanceSummary document={doc} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {FAQ_FORMATS.has(doc.format) ? <Badge tone="brand">{t("knowledge.faq.badge")}</Badge> : null}
          {!doc.enabled ? <Badge tone="warning">{t("knowledge.disabled")}</Badge> : null}
          <DocumentStatusBadge status={doc.status} />
        </div>
      </div>

      <OcrSummary document={doc} />
      {isInProgress(doc) ? (
        <Progress value={doc.progress} label={t(doc.status === "queued" ? "knowledge.progress.queued" : "knowledge.progress.processing", { title: doc.title })} />
      ) : null}
      {doc.status === "failed" ? (
        <Alert tone="danger" title={t("knowledge.failed.title")}>
          {doc.error ?? t("knowledge.failed.unknown")}
        </Alert>
      ) : null}
      {doc.reviewOverdue && doc.reviewBy ? (
        <Alert tone="warning" title={t("knowledge.provenance.overdue")} data-testid="review-overdue">
          {t("knowledge.provenance.overdueBody", { date: doc.reviewBy })}
        </Alert>
      ) : null}
      <ReplacementStatus document={doc} owner={owner} />

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {doc.status === "ready" ? (
          <Button
            variant="secondary"
            size="sm"
            aria-expanded={showPassages}
            aria-controls={`${id}-passages`}
            onClick={() => setShowPassages((v) => !v)}
          >
            <ChevronDown aria-hidden className={cn("transition-transform", showPassages && "rotate-180")} />
            {t("knowledge.passages.toggle", { count: doc.passageCount })}
          </Button>
        ) : null}
        <Button variant="secondary" size="sm" aria-expanded={editing} aria-controls={`${id}-provenance`} onClick={() => setEditing((v) => !v)}>
          <PenLine aria-hidden />
          {t("knowledge.provenance.edit")}
        </Button>
        <ReplaceButton document={doc} owner={owner} />
        <div className="flex items-center gap-2">
          <Switch
            id={`${id}-enabled`}
            checked={doc.enabled}
            disabled={setEnabled.isPending}
            onCheckedChange={(enabled) => setEnabled.mutate({ documentId: doc.id, enabled })}
          />
          <Label htmlFor={`${id}-enabled`} className="font-normal">
            {t("knowledge.enabled")}
          </Label>
        </div>
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm" className="ml-auto text-crisis-700 hover:bg-crisis-50 hover:text-crisis-700" disabled={remove.isPending}>
              <Trash2 aria-hidden />
              {t("knowledge.delete")}
              <span className="sr-only">{doc.title}</span>
            </Button>
          }
          title={t("knowledge.delete.title", { title: doc.title })}
          description={t("knowledge.delete.body")}
          confirmLabel={t("knowledge.delete.confirm")}
          cancelLabel={t("common.cancel")}
          onConfirm={() => remove.mutate({ documentId: doc.id })}
        />
      </div>

      {editing ? (
        <div id={`${id}-provenance`}>
          <ProvenanceEditor document={doc} owner={owner} onDone={() => setEditing(false)} />
        </div>
      ) : null}
      {actionError ? (
        <Alert tone="danger" role="alert">
          {actionError.message}
        </Alert>
      ) : null}
      {showPassages ? <PassagesList documentId={doc.id} id={`${id}-passages`} label={t("knowledge.passages.label", { title: doc.title })} /> : null}
    </li>
  );
}

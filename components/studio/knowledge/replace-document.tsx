"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useId, useRef } from "react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { Spinner } from "@/components/ui/spinner";
import type { StudioDocument } from "./document-status";
import { ACCEPTED_EXTENSIONS, uploadFiles } from "./upload-files";
import { type KnowledgeOwner, documentsKey } from "./owner";

/** "Replace": uploads one file as the document's new version; the current one answers until it is ready. */
export function ReplaceButton({ document: doc, owner }: { document: StudioDocument; owner: KnowledgeOwner }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const replace = useMutation({
    mutationFn: (file: File) => uploadFiles(owner, [file], { replaceDocumentId: doc.id }),
    onSettled: () => {
      if (input.current) input.current.value = "";
      return queryClient.invalidateQueries({ queryKey: documentsKey(trpc, owner) });
    },
  });
  const result = replace.data?.[0];
  const error = replace.error?.message ?? (result && !result.ok ? result.error : null);
  return (
    <>
      <input
        ref={input}
        id={`${id}-file`}
        type="file"
        accept={ACCEPTED_EXTENSIONS}
        className="sr-only"
        tabIndex={-1}
        aria-label={t("knowledge.replace.choose", { title: doc.title })}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) replace.mutate(file);
        }}
      />
      <Button variant="secondary" size="sm" disabled={replace.isPending} onClick={() => input.current?.click()}>
        {replace.isPending ? <Spinner /> : <RefreshCw aria-hidden />}
        {replace.isPending ? t("knowledge.replace.pending") : t("knowledge.replace")}
        <span className="sr-only">{doc.title}</span>
      </Button>
      {error ? (
        <Alert tone="danger" role="alert" className="basis-full">
          {error}
        </Alert>
      ) : result?.ok && result.duplicate ? (
        <Alert tone="info" role="status" className="basis-full">
          {t("knowledge.replace.duplicate")}
        </Alert>
      ) : null}
    </>
  );
}

/** A pending new version: its progress, or why it failed (the current version stays in use either way). */
export function ReplacementStatus({ document: doc, owner }: { document: StudioDocument; owner: KnowledgeOwner }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dismiss = useMutation(
    trpc.knowledge.delete.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: documentsKey(trpc, owner) }) }),
  );
  const r = doc.replacement;
  if (!r) return null;
  const filename = r.filename ?? doc.title;
  if (r.status === "failed") {
    return (
      <Alert tone="warning" title={t("knowledge.replace.failed", { filename })} data-testid="replacement">
        <p>{r.error ?? t("knowledge.failed.unknown")}</p>
        <Button variant="ghost" size="sm" className="mt-1 -ml-2" disabled={dismiss.isPending} onClick={() => dismiss.mutate({ documentId: r.id })}>
          {t("knowledge.replace.dismiss")}
        </Button>
      </Alert>
    );
  }
  return (
    <div data-testid="replacement">
      <Progress
        value={r.progress}
        label={t(r.status === "processing" ? "knowledge.replace.processing" : "knowledge.replace.queued", { filename })}
      />
    </div>
  );
}

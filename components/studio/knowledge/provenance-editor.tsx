"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { StudioDocument } from "./document-status";
import { ProvenanceFields, provenanceFromForm } from "./provenance";
import { type KnowledgeOwner, documentsKey } from "./owner";

/** Edits a document's source details after upload. */
export function ProvenanceEditor({ document: doc, owner, onDone }: { document: StudioDocument; owner: KnowledgeOwner; onDone: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const save = useMutation(
    trpc.knowledge.updateProvenance.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: documentsKey(trpc, owner) });
        onDone();
      },
    }),
  );
  return (
    <form
      aria-label={t("knowledge.provenance.edit")}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
      aria-busy={save.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        const values = provenanceFromForm(new FormData(event.currentTarget));
        save.mutate({ documentId: doc.id, provenance: { ...values, sourceKind: values.sourceKind as StudioDocument["sourceKind"] } });
      }}
    >
      <ProvenanceFields idPrefix={id} defaults={doc} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={save.isPending}>
          {save.isPending ? <Spinner /> : null}
          {save.isPending ? t("knowledge.provenance.saving") : t("knowledge.provenance.save")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          {t("common.cancel")}
        </Button>
      </div>
      {save.isError ? (
        <Alert tone="danger" role="alert">
          {save.error.message}
        </Alert>
      ) : null}
    </form>
  );
}

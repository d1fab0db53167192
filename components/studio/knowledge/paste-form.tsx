"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ClipboardPaste } from "lucide-react";
import { useId } from "react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { ProvenanceDetails, provenanceFromForm } from "./provenance";
import type { StudioDocument } from "./document-status";
import { type KnowledgeOwner, documentsKey } from "./owner";

export function PasteForm({ owner }: { owner: KnowledgeOwner }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: documentsKey(trpc, owner) });
  const pasteToAvatar = useMutation(trpc.knowledge.paste.mutationOptions({ onSuccess }));
  const pasteToCorpus = useMutation(trpc.corpora.paste.mutationOptions({ onSuccess }));
  const paste = "corpusId" in owner ? pasteToCorpus : pasteToAvatar;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const provenance = provenanceFromForm(data);
        const input = {
          title: String(data.get("title") ?? ""),
          text: String(data.get("text") ?? ""),
          provenance: { ...provenance, sourceKind: provenance.sourceKind as StudioDocument["sourceKind"] },
        };
        const reset = { onSuccess: () => form.reset() };
        if ("corpusId" in owner) pasteToCorpus.mutate({ ...input, corpusId: owner.corpusId }, reset);
        else pasteToAvatar.mutate({ ...input, avatarId: owner.avatarId }, reset);
      }}
      className="flex flex-col gap-3"
      aria-busy={paste.isPending}
    >
      <Field label={t("knowledge.paste.title")} htmlFor={`${id}-title`}>
        <Input id={`${id}-title`} name="title" required maxLength={200} />
      </Field>
      <Field label={t("knowledge.paste.text")} htmlFor={`${id}-text`} hint={t("knowledge.paste.hint")}>
        <Textarea id={`${id}-text`} name="text" required rows={6} aria-describedby={`${id}-text-hint`} />
      </Field>
      <ProvenanceDetails idPrefix={`${id}-provenance`} />
      <div>
        <Button type="submit" disabled={paste.isPending}>
          {paste.isPending ? <Spinner /> : <ClipboardPaste aria-hidden />}
          {paste.isPending ? t("knowledge.paste.pending") : t("knowledge.paste.submit")}
        </Button>
      </div>
      {paste.isError ? (
        <Alert tone="danger" role="alert">
          {paste.error.message}
        </Alert>
      ) : null}
      {paste.isSuccess ? (
        <Alert tone="success" role="status">
          {paste.data.duplicate ? t("knowledge.paste.duplicate", { title: paste.data.document.title }) : t("knowledge.paste.added", { title: paste.data.document.title })}
        </Alert>
      ) : null}
    </form>
  );
}

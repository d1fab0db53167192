"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useId, useRef, useState } from "react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { ProvenanceDetails, provenanceFromForm } from "./provenance";
import { ACCEPTED_EXTENSIONS, uploadFiles } from "./upload-files";
import { type KnowledgeOwner, documentsKey } from "./owner";

export function UploadForm({ owner }: { owner: KnowledgeOwner }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const upload = useMutation({
    mutationFn: (args: { files: File[]; form: HTMLFormElement }) => uploadFiles(owner, args.files, provenanceFromForm(new FormData(args.form))),
    onSuccess: (_results, args) => {
      setFiles([]);
      args.form.reset();
      if (input.current) input.current.value = "";
      return queryClient.invalidateQueries({ queryKey: documentsKey(trpc, owner) });
    },
  });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (files.length > 0) upload.mutate({ files, form: event.currentTarget });
      }}
      className="flex flex-col gap-3"
      aria-busy={upload.isPending}
    >
      <Field label={t("knowledge.upload.files")} htmlFor={`${id}-files`} hint={t("knowledge.upload.hint")}>
        <Input
          ref={input}
          id={`${id}-files`}
          type="file"
          multiple
          accept={ACCEPTED_EXTENSIONS}
          aria-describedby={`${id}-files-hint`}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          className="file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:font-medium file:text-brand-800"
        />
      </Field>
      <ProvenanceDetails idPrefix={`${id}-provenance`} />
      <div>
        <Button type="submit" disabled={files.length === 0 || upload.isPending}>
          {upload.isPending ? <Spinner /> : <Upload aria-hidden />}
          {upload.isPending ? t("knowledge.upload.pending") : files.length > 0 ? t("knowledge.upload.submit", { count: files.length }) : t("knowledge.upload.submitNone")}
        </Button>
      </div>
      {upload.isError ? (
        <Alert tone="danger" role="alert">
          {upload.error.message}
        </Alert>
      ) : null}
      {upload.data ? (
        <div role="status" data-testid="upload-results">
          <ul className="flex flex-col gap-1 text-sm">
            {upload.data.map((r, i) => (
              <li key={`${r.filename}-${i}`} className={r.ok ? "text-slate-800" : "text-crisis-700"}>
                <span className="font-medium">{r.filename}</span>
                {": "}
                {r.ok ? (r.duplicate ? t("knowledge.upload.duplicate") : t("knowledge.upload.added")) : (r.error ?? t("knowledge.upload.failed"))}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}

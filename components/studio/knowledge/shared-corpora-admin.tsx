"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { AddDocuments } from "./add-documents";
import { DocumentList } from "./document-list";

/**
 * The admin's page for shared knowledge: pick the hospital's corpus or a department's, then add, watch
 * and manage its documents with the same components as an avatar's materials.
 */
export function SharedCorporaAdmin() {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const corpora = useQuery(trpc.corpora.list.queryOptions());
  const [chosen, setChosen] = useState<string | null>(null);

  if (corpora.isPending) return <Spinner label={t("common.loading")} />;
  if (corpora.isError) {
    return (
      <Alert tone="danger" role="alert">
        {corpora.error.message}
      </Alert>
    );
  }
  const corpus = corpora.data.find((c) => c.id === chosen) ?? corpora.data[0]!;
  const owner = { corpusId: corpus.id };
  const kind = (c: { kind: "organization" | "department" }) => t(c.kind === "organization" ? "corpora.kind.organization" : "corpora.kind.department");

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:gap-4">
        <Field label={t("corpora.admin.choose")} htmlFor={`${id}-corpus`} className="sm:w-80">
          <Select id={`${id}-corpus`} value={corpus.id} onChange={(e) => setChosen(e.target.value)} data-testid="corpus-select">
            {corpora.data.map((c) => (
              <option key={c.id} value={c.id}>
                {`${kind(c)}: ${c.name}`}
              </option>
            ))}
          </Select>
        </Field>
        <p className="flex items-center gap-2 text-sm text-slate-700">
          <Badge tone={corpus.kind === "organization" ? "brand" : "neutral"}>{kind(corpus)}</Badge>
          {t("corpora.admin.counts", { documents: corpus.documents, passages: corpus.passages })}
        </p>
      </div>
      {/* A fresh pair of forms for each corpus, so nothing half-typed carries over to another one. */}
      <AddDocuments key={corpus.id} owner={owner} />
      <section aria-labelledby={`${id}-documents`} className="flex flex-col gap-3">
        <h2 id={`${id}-documents`} className="text-lg font-semibold text-slate-900">
          {t("corpora.admin.documents", { name: corpus.name })}
        </h2>
        <DocumentList owner={owner} />
      </section>
    </div>
  );
}

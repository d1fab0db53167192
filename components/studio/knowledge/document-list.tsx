"use client";

import { useQuery } from "@tanstack/react-query";
import { FileText } from "lucide-react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { DocumentItem } from "./document-item";
import { hasWorkInProgress } from "./document-status";
import { type KnowledgeOwner, documentsQuery } from "./owner";

/** The avatar's (or shared corpus's) documents; polls every second only while one of them (or a new version) is still being processed. */
export function DocumentList({ owner }: { owner: KnowledgeOwner }) {
  const t = useT();
  const trpc = useTRPC();
  const documents = useQuery({
    ...documentsQuery(trpc, owner),
    refetchInterval: (query) => (query.state.data?.some(hasWorkInProgress) ? 1000 : false),
  });

  if (documents.isPending) return <Spinner label={t("common.loading")} />;
  if (documents.isError) {
    return (
      <Alert tone="danger" role="alert">
        {documents.error.message}
      </Alert>
    );
  }
  if (documents.data.length === 0) {
    return <EmptyState icon={FileText} title={t("knowledge.empty.title")} description={t("knowledge.empty.body")} />;
  }
  return (
    <ul data-testid="documents" className="flex flex-col divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
      {documents.data.map((d) => (
        <DocumentItem key={d.id} document={d} owner={owner} />
      ))}
    </ul>
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { FileText } from "lucide-react";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { useServerEvents } from "../use-server-events";
import { DocumentItem } from "./document-item";
import { hasWorkInProgress } from "./document-status";
import { type KnowledgeOwner, documentsQuery } from "./owner";

/**
 * The avatar's (or shared corpus's) documents. Re-read when the server announces a document's progress
 * (server-sent events, from whichever instance or worker processes it); while one is still being
 * processed it is also polled every 3 s, in case the stream is down.
 */
export function DocumentList({ owner }: { owner: KnowledgeOwner }) {
  const t = useT();
  const trpc = useTRPC();
  const documents = useQuery({
    ...documentsQuery(trpc, owner),
    refetchInterval: (query) => (query.state.data?.some(hasWorkInProgress) ? 3000 : false),
  });
  const { refetch } = documents;
  const refresh = useCallback(() => void refetch(), [refetch]);
  useServerEvents("/api/knowledge/stream", "documents", refresh);

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

"use client";

import { useQuery } from "@tanstack/react-query";
import { useT } from "@/components/i18n/client";
import { useTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";

/** The passages a document was cut into: what retrieval can find and what answers quote. */
export function PassagesList({ documentId, id, label }: { documentId: string; id: string; label: string }) {
  const t = useT();
  const trpc = useTRPC();
  const passages = useQuery(trpc.knowledge.passages.queryOptions({ documentId }));

  if (passages.isPending) return <Spinner label={t("common.loading")} />;
  if (passages.isError) {
    return (
      <Alert tone="danger" role="alert">
        {passages.error.message}
      </Alert>
    );
  }
  return (
    // Scrollable, so it takes focus: keyboard users can scroll it too.
    <div id={id} role="region" aria-label={label} tabIndex={0} data-testid="passages" className="max-h-96 overflow-y-auto rounded-lg bg-slate-50 p-2">
      <ol className="flex flex-col gap-2">
        {passages.data.map((p) => (
          <li key={p.id} data-testid="passage" className="rounded-md border border-slate-200 bg-white p-3 text-sm">
            <p className="mb-1 text-xs font-medium text-slate-700">
              {t("knowledge.passage.number", { n: p.ordinal + 1 })}
              {p.headingPath.length > 0 ? ` · ${p.headingPath.join(" › ")}` : ""}
              {p.page ? ` · ${t("chat.sources.page", { page: p.page })}` : ""}
            </p>
            <p className="leading-relaxed whitespace-pre-wrap text-slate-900">{p.content}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}

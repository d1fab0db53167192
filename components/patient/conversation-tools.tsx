"use client";

import { FileDown, FileText, History, Trash2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { deleteConversation, exportUrl } from "@/components/chat/patient-api";
import { useT } from "@/components/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { AskHumanForm } from "./ask-human-form";

/** What a patient can do with their conversation: ask a human, download it, or delete it for good. */
export function ConversationTools({ conversationId, onDeleted }: { conversationId: string; onDeleted: () => void }) {
  const t = useT();
  const [error, setError] = useState(false);
  return (
    <section aria-labelledby="conversation-tools-title" data-testid="conversation-tools" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-slate-50 p-4">
      <h2 id="conversation-tools-title" className="text-sm font-semibold text-slate-900">
        {t("patient.actions.title")}
      </h2>
      <AskHumanForm key={conversationId} conversationId={conversationId} />
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="ghost" size="sm">
          <a href={exportUrl(conversationId, "md")} download>
            <FileText aria-hidden />
            {t("patient.actions.exportMarkdown")}
          </a>
        </Button>
        <Button asChild variant="ghost" size="sm">
          <a href={exportUrl(conversationId, "pdf")} download>
            <FileDown aria-hidden />
            {t("patient.actions.exportPdf")}
          </a>
        </Button>
        <Button asChild variant="ghost" size="sm">
          <Link href="/me">
            <History aria-hidden />
            {t("patient.actions.history")}
          </Link>
        </Button>
        <ConfirmDialog
          trigger={
            <Button variant="ghost" size="sm" className="text-crisis-700 hover:bg-crisis-50 hover:text-crisis-700">
              <Trash2 aria-hidden />
              {t("patient.actions.delete")}
            </Button>
          }
          title={t("patient.actions.deleteTitle")}
          description={t("patient.actions.deleteBody")}
          confirmLabel={t("patient.actions.deleteConfirm")}
          cancelLabel={t("common.cancel")}
          onConfirm={() => {
            setError(false);
            deleteConversation(conversationId).then(onDeleted, () => setError(true));
          }}
        />
      </div>
      {error ? (
        <Alert tone="danger" role="alert">
          {t("patient.actions.deleteError")}
        </Alert>
      ) : null}
    </section>
  );
}

"use client";

import { FileDown, FileText, Trash2 } from "lucide-react";
import { deleteConversation, exportUrl } from "@/components/chat/patient-api";
import { useT } from "@/components/i18n/client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Download a conversation as Markdown or PDF, or delete it for good after a confirmation. */
export function ConversationFileActions({ conversationId, onDeleted, onDeleteFailed }: { conversationId: string; onDeleted: () => void; onDeleteFailed: () => void }) {
  const t = useT();
  return (
    <>
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
          deleteConversation(conversationId).then(onDeleted, onDeleteFailed);
        }}
      />
    </>
  );
}

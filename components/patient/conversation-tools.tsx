"use client";

import { History } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useT } from "@/components/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AskHumanForm } from "./ask-human-form";
import { ConversationFileActions } from "./conversation-file-actions";

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
          <Link href="/me">
            <History aria-hidden />
            {t("patient.actions.history")}
          </Link>
        </Button>
        <ConversationFileActions
          conversationId={conversationId}
          onDeleted={() => {
            setError(false);
            onDeleted();
          }}
          onDeleteFailed={() => setError(true)}
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

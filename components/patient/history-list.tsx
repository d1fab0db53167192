"use client";

import { MessageSquare } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLocale, useT } from "@/components/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConversationFileActions } from "./conversation-file-actions";

export interface HistoryItem {
  id: string;
  avatarName: string;
  specialty: string;
  language: string;
  lastMessageAt: string;
  messageCount: number;
  firstQuestion: string;
}

/** The patient's conversations, each to continue, download or delete. */
export function HistoryList({ items }: { items: HistoryItem[] }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState(false);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="flex flex-col gap-3">
      {error ? (
        <Alert tone="danger" role="alert">
          {t("patient.actions.deleteError")}
        </Alert>
      ) : null}
      <ul className="flex flex-col gap-3" data-testid="history-list">
        {items.map((item) => (
          <li key={item.id} data-testid="history-item" className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <h2 lang={item.language} className="font-semibold text-slate-900">
                {item.avatarName}
                {item.specialty ? <span className="font-normal text-slate-700"> · {item.specialty}</span> : null}
              </h2>
              <p className="text-xs text-slate-600">
                {t("patient.history.lastActive", { date: format.format(new Date(item.lastMessageAt)) })} · {t("patient.history.messages", { count: item.messageCount })}
              </p>
            </div>
            {item.firstQuestion ? <p className="line-clamp-2 text-sm text-slate-800">“{item.firstQuestion}”</p> : null}
            <div className="flex flex-wrap gap-1">
              <Button asChild size="sm">
                <a href={`/api/conversations/${encodeURIComponent(item.id)}/continue`}>
                  <MessageSquare aria-hidden />
                  {t("patient.history.continue")}
                </a>
              </Button>
              <ConversationFileActions
                conversationId={item.id}
                onDeleted={() => {
                  setError(false);
                  router.refresh();
                }}
                onDeleteFailed={() => setError(true)}
              />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

"use client";

import { useState } from "react";
import { useT } from "@/components/i18n/client";
import { Badge } from "@/components/ui/badge";
import { AiBadge } from "./ai-badge";
import { AnswerFeedback } from "./answer-feedback";
import { CrisisPanel } from "./crisis-panel";
import { readMessage } from "./message-parts";
import { MessageText } from "./message-text";
import { SourcesList, sourceButtonId } from "./sources-list";
import { SupportBox } from "./support-box";
import type { FenshenUIMessage } from "./types";
import { UrgencyBanner } from "./urgency-banner";

export function PatientBubble({ text }: { text: string }) {
  const t = useT();
  return (
    <div data-testid="patient-message" className="ml-auto max-w-[85%] rounded-2xl rounded-br-sm bg-brand-600 px-4 py-2.5 text-white">
      <span className="sr-only">{t("chat.youSaid")}</span>
      <p className="leading-relaxed break-words whitespace-pre-wrap">{text}</p>
    </div>
  );
}

export function AvatarBubble({ avatarName, children, testId, kind }: { avatarName: string; children: React.ReactNode; testId: string; kind?: string | null }) {
  return (
    <div data-testid={testId} data-kind={kind ?? undefined} className="mr-auto flex w-full max-w-[95%] flex-col gap-2 sm:max-w-[85%]">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-slate-900">{avatarName}</span>
        <AiBadge />
      </div>
      <div className="rounded-2xl rounded-tl-sm border border-slate-200 bg-white px-4 py-3 text-slate-900">{children}</div>
    </div>
  );
}

/** One streamed reply: crisis panel or support box first, then the text with its numbered sources. */
export function AvatarMessage({ message, avatarName, allowCallback }: { message: FenshenUIMessage; avatarName: string; allowCallback: boolean }) {
  const t = useT();
  const content = readMessage(message);
  const [openSources, setOpenSources] = useState<ReadonlySet<number>>(new Set());

  function toggle(index: number) {
    setOpenSources((prev) => {
      const next = new Set(prev);
      if (!next.delete(index)) next.add(index);
      return next;
    });
  }

  function reveal(index: number) {
    setOpenSources((prev) => new Set(prev).add(index));
    const button = document.getElementById(sourceButtonId(message.id, index));
    button?.scrollIntoView({ block: "nearest" });
    button?.focus();
  }

  return (
    <div className="flex flex-col gap-3">
      {content.crisis ? <CrisisPanel crisis={content.crisis} conversationId={allowCallback ? content.conversationId : undefined} /> : null}
      {content.support ? <SupportBox support={content.support} /> : null}
      {content.text ? (
        <AvatarBubble avatarName={avatarName} testId="avatar-message" kind={content.kind}>
          {content.kind === "no_answer" ? (
            <Badge tone="warning" className="mb-2">
              {t("chat.noAnswerBadge")}
            </Badge>
          ) : null}
          {content.urgency ? <UrgencyBanner level={content.urgency} /> : null}
          <MessageText text={content.text} citationCount={content.citations.length} onMarker={reveal} />
          {content.citations.length > 0 && content.kind !== "crisis" ? (
            <SourcesList messageId={message.id} citations={content.citations} open={openSources} onToggle={toggle} />
          ) : null}
          {/* Patients rate answers of their own conversation (not crisis replies, not the studio preview). */}
          {allowCallback && content.conversationId && content.messageId && (content.kind === "answer" || content.kind === "no_answer") ? (
            <AnswerFeedback conversationId={content.conversationId} messageId={content.messageId} />
          ) : null}
        </AvatarBubble>
      ) : null}
    </div>
  );
}

"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { RotateCcw } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n/client";
import { ConversationTools } from "@/components/patient/conversation-tools";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { chatErrorMessage } from "./chat-error";
import { AvatarBubble, AvatarMessage, PatientBubble } from "./chat-message";
import { Composer } from "./composer";
import { FeedbackProvider, type SavedFeedback } from "./feedback-context";
import { conversationIdOf, lastUserText, readMessage } from "./message-parts";
import { SuggestedQuestions } from "./suggested-questions";
import type { ChatTarget, FenshenUIMessage } from "./types";

/**
 * A consultation with one avatar. The server keeps the history; each request carries only the target,
 * the conversation id the server handed out (kept in the messages as a data part) and the newest question.
 * A patient's earlier conversation (after a reload) comes in as initialMessages, built like streamed ones.
 */
export function Chat({
  target,
  avatarName,
  greeting,
  initialMessages,
  initialFeedback = {},
  suggestedQuestions = [],
  language,
  endpoint,
}: {
  target: ChatTarget;
  avatarName: string;
  greeting: string;
  initialMessages?: FenshenUIMessage[];
  initialFeedback?: Record<string, SavedFeedback>;
  suggestedQuestions?: string[];
  /** The avatar's language, for the doctor's own text (suggested questions). */
  language?: string;
  /**
   * An embedded chat (the widget) posts to its own endpoint with its session in the body: it runs in a
   * third-party frame without the patient cookie, so the cookie-bound tools (callback, feedback, export) are off.
   */
  endpoint?: { api: string; body: Record<string, string> };
}) {
  const t = useT();
  const patient = "slug" in target && !endpoint;
  const [deleted, setDeleted] = useState(false);
  const [transport] = useState(
    () =>
      new DefaultChatTransport<FenshenUIMessage>({
        api: endpoint?.api ?? "/api/chat",
        prepareSendMessagesRequest: ({ messages }) => ({
          body: { ...target, ...endpoint?.body, conversationId: conversationIdOf(messages), message: lastUserText(messages) },
        }),
      }),
  );
  const { messages, setMessages, sendMessage, status, error, regenerate, clearError } = useChat<FenshenUIMessage>({ transport, messages: initialMessages });
  const conversationId = conversationIdOf(messages);
  const busy = status === "submitted" || status === "streaming";
  const last = messages.at(-1);
  const waitingForText = busy && (last?.role !== "assistant" || !readMessage(last).text);

  const endRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (messages.length > 0) endRef.current?.scrollIntoView({ block: "nearest" });
  }, [messages.length]);

  function ask(text: string) {
    setDeleted(false);
    void sendMessage({ text });
  }

  return (
    <div className="flex flex-col gap-4">
      {initialMessages?.length && messages.length > 0 ? (
        <p className="text-sm text-slate-700" data-testid="resumed-note">
          {t("patient.actions.resumed")}
        </p>
      ) : null}
      <FeedbackProvider value={initialFeedback}>
      <div role="log" aria-live="polite" aria-busy={busy} aria-label={t("chat.logLabel", { name: avatarName })} data-testid="chat-log" className="flex flex-col gap-4">
        {greeting ? (
          <AvatarBubble avatarName={avatarName} testId="greeting">
            <p className="leading-relaxed whitespace-pre-wrap">{greeting}</p>
          </AvatarBubble>
        ) : null}
        {messages.map((m) =>
          m.role === "user" ? <PatientBubble key={m.id} text={readMessage(m).text} /> : <AvatarMessage key={m.id} message={m} avatarName={avatarName} allowCallback={patient} />,
        )}
        {waitingForText ? (
          <div className="mr-auto text-slate-700">
            <Spinner label={t("chat.thinking", { name: avatarName })} />
          </div>
        ) : null}
      </div>
      </FeedbackProvider>
      {messages.length === 0 ? <SuggestedQuestions questions={suggestedQuestions} language={language ?? ""} disabled={busy} onAsk={ask} /> : null}
      {deleted ? (
        <Alert tone="success" role="status">
          {t("patient.actions.deleted")}
        </Alert>
      ) : null}
      {/* Scrolled to on each new message; the margin keeps it clear of the sticky composer. */}
      <div ref={endRef} aria-hidden className="scroll-mb-40" />
      {error ? (
        <Alert tone="danger" role="alert" title={t("chat.error.title")}>
          <p>{chatErrorMessage(error, t) ?? t("chat.error.generic")}</p>
          <Button
            variant="secondary"
            size="sm"
            className="mt-2"
            onClick={() => {
              clearError();
              void regenerate();
            }}
          >
            <RotateCcw aria-hidden />
            {t("chat.error.retry")}
          </Button>
        </Alert>
      ) : null}
      <div className="sticky bottom-0 -mx-4 border-t border-slate-200 bg-white/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur sm:mx-0 sm:rounded-xl sm:border">
        <Composer busy={busy} onSend={ask} />
      </div>
      {patient && conversationId && !busy ? (
        <ConversationTools
          conversationId={conversationId}
          onDeleted={() => {
            setMessages([]);
            setDeleted(true);
          }}
        />
      ) : null}
    </div>
  );
}

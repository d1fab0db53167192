"use client";

import { Send } from "lucide-react";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/textarea";

/** Mirrors the server's limit (server/chat/chat.schema.ts) so the patient learns before sending. */
export const MAX_MESSAGE_CHARS = 4000;

/** The question box: Enter sends, Shift+Enter adds a line; sending waits while an answer streams. */
export function Composer({ busy, onSend }: { busy: boolean; onSend: (text: string) => void }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState("");
  const length = text.trim().length;
  const tooLong = text.length > MAX_MESSAGE_CHARS;
  const canSend = !busy && length > 0 && !tooLong;

  function send() {
    if (!canSend) return;
    onSend(text.trim());
    setText("");
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    // While an IME is composing (Chinese pinyin), Enter confirms the characters and must not send.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
      className="flex flex-col gap-1.5"
    >
      <label htmlFor={`${id}-text`} className="sr-only">
        {t("chat.composer.label")}
      </label>
      <div className="flex items-end gap-2">
        <Textarea
          id={`${id}-text`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          rows={1}
          placeholder={t("chat.composer.placeholder")}
          aria-describedby={`${id}-hint ${id}-count`}
          aria-invalid={tooLong || undefined}
          className="max-h-40 min-h-11 resize-none field-sizing-content"
        />
        <Button type="submit" size="icon" disabled={!canSend} aria-label={t("chat.composer.send")} className="shrink-0">
          <Send aria-hidden />
        </Button>
      </div>
      <div className="flex items-center justify-between gap-2 text-xs text-slate-600">
        <span id={`${id}-hint`} className="max-sm:sr-only">{busy ? t("chat.composer.waiting") : t("chat.composer.hint")}</span>
        <span id={`${id}-count`} data-testid="composer-count" className={cn("tabular-nums", tooLong && "font-semibold text-crisis-700")}>
          {tooLong ? t("chat.composer.tooLong", { count: text.length, max: MAX_MESSAGE_CHARS }) : `${text.length} / ${MAX_MESSAGE_CHARS}`}
        </span>
      </div>
    </form>
  );
}
